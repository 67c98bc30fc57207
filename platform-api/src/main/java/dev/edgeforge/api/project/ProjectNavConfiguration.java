package dev.edgeforge.api.project;

import dev.edgeforge.api.web.ProjectNavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The project sidebar entries of this feature. */
@Configuration(proxyBeanMethods = false)
class ProjectNavConfiguration {

    static final String DASHBOARD = "dashboard";
    static final String MEMBERS = "members";
    static final String KEYS = "keys";

    @Bean
    ProjectNavItem dashboardNavItem() {
        return new ProjectNavItem(DASHBOARD, "Dashboard", 10, "");
    }

    @Bean
    ProjectNavItem membersNavItem() {
        return new ProjectNavItem(MEMBERS, "Members", 80, "/members");
    }

    @Bean
    ProjectNavItem keysNavItem() {
        return new ProjectNavItem(KEYS, "Keys", 90, "/keys");
    }
}
