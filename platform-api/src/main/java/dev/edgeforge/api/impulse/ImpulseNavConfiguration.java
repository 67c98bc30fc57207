package dev.edgeforge.api.impulse;

import dev.edgeforge.api.web.ProjectNavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "Impulse design" entry of the project sidebar. */
@Configuration(proxyBeanMethods = false)
class ImpulseNavConfiguration {

    static final String IMPULSE = "impulse";

    @Bean
    ProjectNavItem impulseNavItem() {
        return new ProjectNavItem(IMPULSE, "Impulse design", 30, "/impulse");
    }
}
