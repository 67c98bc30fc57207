package dev.edgeforge.api.web;

import dev.edgeforge.api.security.CurrentPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every rendered page what the layout needs: {@code currentUser} (a {@code UserPrincipal} or null) and
 * {@code projectNav} (the sidebar entries). Redirects and REST responses are left alone.
 */
final class LayoutModelInterceptor implements HandlerInterceptor {

    private final CurrentPrincipal current;
    private final ProjectNavigation navigation;

    LayoutModelInterceptor(CurrentPrincipal current, ProjectNavigation navigation) {
        this.current = current;
        this.navigation = navigation;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView modelAndView) {
        if (modelAndView == null || isRedirect(modelAndView)) {
            return;
        }
        modelAndView.addObject("currentUser", current.findUser().orElse(null));
        modelAndView.addObject("projectNav", navigation.entries());
    }

    private static boolean isRedirect(ModelAndView modelAndView) {
        String view = modelAndView.getViewName();
        return view != null && (view.startsWith("redirect:") || view.startsWith("forward:"));
    }
}
