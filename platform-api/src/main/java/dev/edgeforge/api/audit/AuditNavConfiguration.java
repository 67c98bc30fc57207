package dev.edgeforge.api.audit;

import dev.edgeforge.api.web.ProjectNavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The project sidebar entry of the audit log, shown to admins and owners only. */
@Configuration(proxyBeanMethods = false)
class AuditNavConfiguration {

    static final String AUDIT = "audit";

    @Bean
    ProjectNavItem auditNavItem() {
        return ProjectNavItem.forAdmins(AUDIT, "Audit log", 95, "/audit");
    }
}
