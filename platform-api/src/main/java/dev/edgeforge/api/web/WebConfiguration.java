package dev.edgeforge.api.web;

import dev.edgeforge.api.security.CurrentPrincipal;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** MVC wiring of the UI shell. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final CurrentPrincipal current;
    private final ProjectNavigation navigation;

    WebConfiguration(CurrentPrincipal current, ProjectNavigation navigation) {
        this.current = current;
        this.navigation = navigation;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LayoutModelInterceptor(current, navigation))
                .excludePathPatterns("/api/**", "/actuator/**", "/v3/api-docs/**", "/swagger-ui/**");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/projects");
    }
}
