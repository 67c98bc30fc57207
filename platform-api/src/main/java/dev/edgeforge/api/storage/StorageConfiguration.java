package dev.edgeforge.api.storage;

import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.storage.ObjectStoreSettings;
import dev.edgeforge.infra.storage.ObjectStores;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the one {@link ObjectStore} of the server (and of the in-process workers). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean(destroyMethod = "close")
    ObjectStore objectStore(StorageProperties properties, @Value("${edgeforge.data-dir:./data}") Path dataDir) {
        ObjectStoreSettings settings = switch (ObjectStoreSettings.Type.parse(properties.kind())) {
            case FILESYSTEM ->
                ObjectStoreSettings.fileSystem(
                        properties.root() != null
                                ? properties.root()
                                : dataDir.resolve("objects").toAbsolutePath().normalize());
            case S3 ->
                ObjectStoreSettings.s3(
                        properties.s3().endpoint(),
                        properties.s3().accessKey(),
                        properties.s3().secretKey(),
                        properties.s3().bucket(),
                        properties.s3().region());
        };
        log.info("Object store: {}", settings);
        return ObjectStores.create(settings);
    }
}
