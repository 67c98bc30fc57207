package dev.edgeforge.api.tune;

import dev.edgeforge.api.web.ProjectNavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The "Tuner" entry of the project sidebar, after Training. */
@Configuration(proxyBeanMethods = false)
class TuneNavConfiguration {

    static final String NAV_KEY = "tuner";

    @Bean
    ProjectNavItem tunerNavItem() {
        return new ProjectNavItem(NAV_KEY, "Tuner", 45, "/tuner");
    }
}
