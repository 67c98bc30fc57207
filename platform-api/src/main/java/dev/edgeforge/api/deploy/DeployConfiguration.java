package dev.edgeforge.api.deploy;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.edgeforge.api.web.ProjectNavItem;
import dev.edgeforge.firmware.board.BoardCatalogue;
import dev.edgeforge.firmware.job.DeployJobHandler;
import dev.edgeforge.infra.storage.ObjectStore;

/**
 * Wiring of the deployment feature: the board catalogue, the sidebar entry, and firmware-builder's deployment job
 * handler as a bean, so the embedded workers run deployments in this JVM (a standalone firmware-builder process runs
 * the same handler when {@code edgeforge.workers.embedded=false}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FirmwareProperties.class)
class DeployConfiguration {

    static final String NAV_KEY = "deployment";

    @Bean
    BoardCatalogue boardCatalogue() {
        return BoardCatalogue.standard();
    }

    @Bean
    ProjectNavItem deploymentNavItem() {
        return new ProjectNavItem(NAV_KEY, "Deployment", 60, "/deployment");
    }

    @Bean
    DeployJobHandler deployJobHandler(ObjectStore store, BoardCatalogue boards, FirmwareProperties properties,
                                      @Value("${edgeforge.data-dir:./data}") Path dataDir) {
        Path workDir = properties.workDir() != null ? properties.workDir() : dataDir.resolve("firmware");
        return DeployJobHandler.builder()
                .setObjectStore(store)
                .setWorkDirectory(workDir.toAbsolutePath().normalize())
                .optBoards(boards)
                .optCompilerTimeLimit(properties.compilerTimeLimit())
                .optVerificationTimeLimit(properties.verificationTimeLimit())
                .build();
    }
}
