package dev.edgeforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

class ManagementPortRequestMatcherTest {

    private static MockHttpServletRequest arrivingOn(int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setLocalPort(port);
        return request;
    }

    @Test
    void matchesRequestsOnTheSeparateManagementPortOnly() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("local.server.port", "8080")
                .withProperty("local.management.port", "8081");
        ManagementPortRequestMatcher matcher = new ManagementPortRequestMatcher(environment);
        assertThat(matcher.matches(arrivingOn(8081))).isTrue();
        assertThat(matcher.matches(arrivingOn(8080))).isFalse();
    }

    @Test
    void aManagementPortThatIsThePublicPortOpensNothing() {
        MockEnvironment samePort = new MockEnvironment()
                .withProperty("local.server.port", "8080")
                .withProperty("local.management.port", "8080");
        assertThat(new ManagementPortRequestMatcher(samePort).matches(arrivingOn(8080)))
                .isFalse();
        MockEnvironment notStarted = new MockEnvironment().withProperty("local.server.port", "8080");
        assertThat(new ManagementPortRequestMatcher(notStarted).matches(arrivingOn(8080)))
                .isFalse();
    }
}
