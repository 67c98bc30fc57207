package dev.edgeforge.api.compression;

import java.lang.reflect.Proxy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.edgeforge.api.web.ProjectNavItem;
import dev.edgeforge.infra.job.JobHandler;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.training.TrainingWorkerHandlers;
import dev.edgeforge.training.compress.CompressJobHandler;
import dev.edgeforge.training.compress.CompressJobPayload;

/** Wiring of compression: the sidebar entry and the in-process {@code compress} job handler. */
@Configuration(proxyBeanMethods = false)
class CompressionConfiguration {

    static final String NAV_KEY = "compression";

    @Bean
    ProjectNavItem compressionNavItem() {
        return new ProjectNavItem(NAV_KEY, "Compression", 55, "/compression");
    }

    /**
     * The {@code compress} handler for the embedded workers, unless the training worker's handler factory already
     * provides it (the server registers every handler of that factory too; two handlers of one type would stop the
     * worker from starting).
     */
    @Bean
    @Conditional(CompressHandlerNotInWorkerFactory.class)
    JobHandler compressJobHandler(ObjectStore store) {
        return new CompressJobHandler(store);
    }

    /** True when {@link TrainingWorkerHandlers} has no {@code compress} handler. */
    static final class CompressHandlerNotInWorkerFactory implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            // handlers only keep the store; this one is never used, it only lets the factory build its list
            ObjectStore unused = (ObjectStore) Proxy.newProxyInstance(ObjectStore.class.getClassLoader(),
                    new Class<?>[] {ObjectStore.class}, (proxy, method, args) -> {
                        throw new IllegalStateException("only used to list the worker's job types");
                    });
            return TrainingWorkerHandlers.create(unused, null).stream()
                    .noneMatch(handler -> CompressJobPayload.TYPE.equals(handler.type()));
        }
    }
}
