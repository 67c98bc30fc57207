package dev.edgeforge.api.support;

import dev.edgeforge.api.problem.ProblemHandler;
import dev.edgeforge.api.problem.ServiceOutages;
import dev.edgeforge.api.security.EdgeForgeAuthentication;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * MockMvc around one controller with the real problem mapping and Bean Validation, no Spring context and no
 * database: the slice tests of REST controllers.
 */
public final class StandaloneMvc {

    private StandaloneMvc() {}

    public static MockMvc of(Object controller) {
        return MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ProblemHandler(new ServiceOutages()))
                .build();
    }

    /** Makes {@code principal} the caller of the following requests (the security filters are not in a slice). */
    public static void signIn(EdgeForgePrincipal principal) {
        SecurityContextHolder.getContext().setAuthentication(new EdgeForgeAuthentication(principal));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
