package dev.edgeforge.api.impulse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.edgeforge.api.web.ProjectNavItem;

/** The "Impulse design" entry of the project sidebar. */
@Configuration(proxyBeanMethods = false)
class ImpulseNavConfiguration {

    static final String IMPULSE = "impulse";

    @Bean
    ProjectNavItem impulseNavItem() {
        return new ProjectNavItem(IMPULSE, "Impulse design", 30, "/impulse");
    }
}
