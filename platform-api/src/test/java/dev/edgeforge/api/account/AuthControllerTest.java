package dev.edgeforge.api.account;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import dev.edgeforge.api.support.StandaloneMvc;
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
    private final MockMvc mvc = StandaloneMvc.of(new AuthController(accounts, tokens, new CurrentPrincipal()));

    @AfterEach
    void signOut() {
        StandaloneMvc.signOut();
    }

    @Test
    void loginAnswersTheTokenAndItsExpiry() throws Exception {
        UserPrincipal user = new UserPrincipal(UUID.randomUUID(), "ada@example.com", "Ada", false);
        when(accounts.authenticate("ada@example.com", "secret-pw")).thenReturn(Optional.of(user));
        Instant expires = Instant.parse("2025-04-01T00:00:00Z");
        when(tokens.issueLoginToken(user))
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
        when(accounts.authenticate(any(), any())).thenReturn(Optional.empty());

        mvc.perform(post("/api/v1/auth/login")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ada@example.com\",\"password\":\"nope\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("invalid-credentials"));
        verify(tokens, never()).issueLoginToken(any());
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
