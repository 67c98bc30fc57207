package dev.edgeforge.api.deploy;

import dev.edgeforge.api.web.ProjectNavItem;
import dev.edgeforge.jobs.board.BoardCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the deployment feature: the board catalogue and the sidebar entry. The deployment job handler itself is
 * firmware-builder's: the all-in-one application (platform-app) runs it in this JVM, a standalone firmware-builder
 * process runs it otherwise.
 */
@Configuration(proxyBeanMethods = false)
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
}
