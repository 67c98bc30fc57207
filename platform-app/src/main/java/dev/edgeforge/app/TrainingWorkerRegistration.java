package dev.edgeforge.app;

import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.storage.PatientObjectStore;
import dev.edgeforge.infra.worker.StandaloneWorker;
import dev.edgeforge.training.TrainingWorkerHandlers;
import java.io.InputStream;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Registers one {@link JobHandler} bean per handler of {@link TrainingWorkerHandlers}, named
 * {@code trainingWorkerHandler.<type>}. The list is only known by building it, and the object store bean does not exist
 * yet while bean definitions are registered, so the handlers get a store that finds the server's
 * {@link ObjectStore} bean when they first use it.
 */
class TrainingWorkerRegistration implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        BeanFactory beans = (BeanFactory) registry;
        // jobs wait out a short object-store outage in their attempt, as a standalone worker's do
        ObjectStore store = new PatientObjectStore(
                new ServerObjectStore(() -> beans.getBean(ObjectStore.class)), StandaloneWorker.STORAGE_PATIENCE);
        for (JobHandler handler : TrainingWorkerHandlers.create(store, null)) {
            registry.registerBeanDefinition(
                    "trainingWorkerHandler." + handler.type(),
                    BeanDefinitionBuilder.genericBeanDefinition(JobHandler.class, () -> handler)
                            .getBeanDefinition());
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // everything happens while definitions are registered
    }

    /** The server's object store, looked up on first use; closing it is the server's business, not the handlers'. */
    private static final class ServerObjectStore implements ObjectStore {

        private final Supplier<ObjectStore> lookup;
        private volatile ObjectStore store;

        ServerObjectStore(Supplier<ObjectStore> lookup) {
            this.lookup = lookup;
        }

        private ObjectStore store() {
            ObjectStore current = store;
            if (current == null) {
                current = lookup.get();
                store = current;
            }
            return current;
        }

        @Override
        public long put(String key, InputStream content, long length) {
            return store().put(key, content, length);
        }

        @Override
        public InputStream get(String key) {
            return store().get(key);
        }

        @Override
        public boolean exists(String key) {
            return store().exists(key);
        }

        @Override
        public ObjectInfo stat(String key) {
            return store().stat(key);
        }

        @Override
        public void delete(String key) {
            store().delete(key);
        }

        @Override
        public Stream<ObjectInfo> list(String prefix) {
            return store().list(prefix);
        }
    }
}
