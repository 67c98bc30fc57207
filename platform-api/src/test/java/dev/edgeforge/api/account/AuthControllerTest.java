package dev.edgeforge.api.account;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import dev.edgeforge.api.support.StandaloneMvc;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class AuthControllerTest {

    private final AccountService accounts = mock(AccountService.class);
    private final TokenService tokens = mock(TokenService.class);
    private final PasswordChange passwordChange = mock(PasswordChange.class);
    private final MockMvc mvc =
            StandaloneMvc.of(new AuthController(accounts, tokens, passwordChange, new CurrentPrincipal()));

    @AfterEach
    void signOut() {
        StandaloneMvc.signOut();
    }

    @Test
    void loginAnswersTheTokenAndItsExpiry() throws Exception {
        UserPrincipal user = new UserPrincipal(UUID.randomUUID(), "ada@example.com", "Ada", false);
        when(accounts.authenticate("ada@example.com", "secret-pw", "127.0.0.1")).thenReturn(Optional.of(user));
        Instant expires = Instant.parse("2025-04-01T00:00:00Z");
        when(tokens.issueLoginToken(user, "127.0.0.1"))
                .thenReturn(new IssuedToken(UUID.randomUUID(), "efs_token", "login", Instant.EPOCH, expires));

        mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ada@example.com\",\"password\":\"secret-pw\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").value("efs_token"))
                .andExpect(jsonPath("$.expiresAt").value("2025-04-01T00:00:00Z"));
    }

    @Test
    void wrongCredentialsAre401WithoutIssuingAToken() throws Exception {
        when(accounts.authenticate(any(), any(), any())).thenReturn(Optional.empty());

        mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ada@example.com\",\"password\":\"nope\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("invalid-credentials"));
        verify(tokens, never()).issueLoginToken(any(), any());
    }

    @Test
    void aThrottledLoginIs429WithRetryAfterInWholeSeconds() throws Exception {
        when(accounts.authenticate(any(), any(), any()))
                .thenThrow(new LoginThrottledViolation("for this account", Duration.ofMillis(90_500)));

        mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ada@example.com\",\"password\":\"right-or-wrong\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "91"))
                .andExpect(jsonPath("$.code").value("login-throttled"))
                .andExpect(jsonPath("$.detail").value(containsString("about 2 minutes")));
        verify(tokens, never()).issueLoginToken(any(), any());
    }

    @Test
    void registrationRefusalsKeepTheirProblemType() throws Exception {
        when(accounts.register("new@example.com", "long-enough", null)).thenThrow(new RegistrationClosedViolation());

        mvc.perform(post("/api/v1/auth/register")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"new@example.com\",\"password\":\"long-enough\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("registration-closed"))
                .andExpect(jsonPath("$.title").value("Registration is closed"));
    }

    @Test
    void meNeedsACaller() throws Exception {
        mvc.perform(get("/api/v1/auth/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("authentication-required"));
    }
}
