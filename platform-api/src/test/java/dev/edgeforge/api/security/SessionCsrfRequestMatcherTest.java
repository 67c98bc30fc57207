package dev.edgeforge.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SessionCsrfRequestMatcherTest {

    private final SessionCsrfRequestMatcher matcher = new SessionCsrfRequestMatcher();

    private static MockHttpServletRequest request(String method, boolean liveSession) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/v1/projects");
        if (liveSession) {
            request.setRequestedSessionId("abc");
            request.setRequestedSessionIdValid(true);
        }
        return request;
    }

    @Test
    void unsafeRequestsOnALiveSessionNeedTheToken() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(matcher.matches(request(method, true))).as(method).isTrue();
        }
    }

    @Test
    void safeMethodsNeverNeedIt() {
        for (String method : new String[] {"GET", "HEAD", "OPTIONS", "TRACE"}) {
            assertThat(matcher.matches(request(method, true))).as(method).isFalse();
        }
    }

    @Test
    void headerCredentialsAndSessionlessRequestsAreExempt() {
        MockHttpServletRequest bearer = request("POST", true);
        bearer.addHeader("Authorization", "Bearer efp_x");
        assertThat(matcher.matches(bearer)).isFalse();

        MockHttpServletRequest apiKey = request("POST", true);
        apiKey.addHeader("x-api-key", "ef_x");
        assertThat(matcher.matches(apiKey)).isFalse();

        assertThat(matcher.matches(request("POST", false))).isFalse();

        MockHttpServletRequest expired = request("POST", false);
        expired.setRequestedSessionId("gone");
        expired.setRequestedSessionIdValid(false);
        assertThat(matcher.matches(expired)).isFalse();
    }
}
