package dev.edgeforge.api.compression;

import dev.edgeforge.api.web.ProjectNavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of compression: the sidebar entry (the {@code compress} job runs in the training worker). */
@Configuration(proxyBeanMethods = false)
class CompressionConfiguration {

    static final String NAV_KEY = "compression";

    @Bean
    ProjectNavItem compressionNavItem() {
        return new ProjectNavItem(NAV_KEY, "Compression", 55, "/compression");
    }
}
