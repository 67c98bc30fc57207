package dev.edgeforge.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that arrived on the actuator's own management port ({@code management.server.port}, loopback by default).
 * Only there are metrics and health open without credentials: if the management port is configured to be the public
 * port, nothing matches and the actuator is for signed-in administrators only.
 */
final class ManagementPortRequestMatcher implements RequestMatcher {

    private final Environment environment;

    ManagementPortRequestMatcher(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        // the ports actually bound, known once the servers run (0 in the configuration means "any free port")
        Integer management = environment.getProperty("local.management.port", Integer.class);
        Integer server = environment.getProperty("local.server.port", Integer.class);
        return management != null && !management.equals(server) && request.getLocalPort() == management;
    }
}
