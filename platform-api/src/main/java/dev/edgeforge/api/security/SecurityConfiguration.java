package dev.edgeforge.api.security;

import dev.edgeforge.api.problem.ProblemResponseWriter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.ConcurrentSessionFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Two filter chains: the REST API under {@code /api/**} (including the Edge Impulse-compatible ingestion paths
 * {@code /api/training/**}, {@code /api/testing/**}, {@code /api/anomaly/**}, {@code /api/split/**}), and the
 * browser UI for everything else.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Paths anyone may open: sign-in pages, invite links, static assets, health probes, API docs, errors. */
    private static final String[] PUBLIC_PAGES = {
        "/login",
        "/register",
        "/invites/*",
        "/error",
        "/favicon.ico",
        "/favicon.svg",
        "/css/**",
        "/js/**",
        "/img/**",
        "/livez",
        "/readyz",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/v3/api-docs.yaml",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    /**
     * The pages load nothing from elsewhere and run no inline script, so the policy can be strict. Swagger UI is
     * left out: it injects inline styles.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Passwords: {@code {bcrypt}} by default, with the id prefix stored in the hash so the algorithm can be
     * raised later and old hashes upgraded at the next successful sign-in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The browser sessions of each user, so a password change can end the other ones (single server). */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when the servlet container ends a session. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** A throttled sign-in gets its own message (it would be refused even with the right password). */
    private static AuthenticationFailureHandler loginFailurePages() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/login?error");
        handler.setExceptionMappings(Map.of(LoginThrottledException.class.getName(), "/login?throttled"));
        return handler;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            BearerTokenVerifier tokens,
            ApiKeyVerifier apiKeys,
            ProblemResponseWriter problems,
            SessionRegistry sessions)
            throws Exception {
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems);
        // header credentials live for one request (a request attribute, which its async dispatches see too); the
        // browser's session is read, never created nor written, so the pages' own fetch() calls work and a device or
        // script never gets a JSESSIONID
        RequestAttributeSecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
        HttpSessionSecurityContextRepository browserSessions = new HttpSessionSecurityContextRepository();
        browserSessions.setAllowSessionCreation(false);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login")
                        .permitAll()
                        // an invite link is its own credential; the controller checks it
                        .requestMatchers("/api/v1/invites/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                // no sign-in happens on this chain, and the session filter would store header credentials in a
                // new session
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(
                        new DelegatingSecurityContextRepository(perRequest, browserSessions)))
                .addFilterAt(new ConcurrentSessionFilter(sessions, handlers), ConcurrentSessionFilter.class)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new SessionCsrfRequestMatcher()))
                .addFilterBefore(
                        new BearerTokenAuthenticationFilter(tokens, problems, perRequest),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(
                        new ApiKeyAuthenticationFilter(apiKeys, problems, perRequest),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiSecurity(HttpSecurity http, SessionRegistry sessions, Environment environment)
            throws Exception {
        http.authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        // the actuator (metrics, health) is open on its own management port only, which listens on
                        // loopback unless configured otherwise (docs/security.md); this chain guards it there too
                        .requestMatchers(new ManagementPortRequestMatcher(environment))
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/projects")
                        .failureHandler(loginFailurePages()))
                // every sign-in is registered (no limit on their number) so a password change can end the others
                .sessionManagement(session ->
                        session.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // the error page tells an expired form (CSRF) apart from a missing permission
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler((request, response, denied) -> {
                    request.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }))
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(
                                        PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**")),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))));
        return http.build();
    }
}
