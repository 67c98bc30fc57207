package dev.edgeforge.api.project;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.edgeforge.api.security.ApiKeyScope;
import dev.edgeforge.api.security.UserPrincipal;
import dev.edgeforge.api.support.StandaloneMvc;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class ApiKeyControllerTest {

    private final ApiKeyService keys = mock(ApiKeyService.class);
    private final ProjectAccess access = mock(ProjectAccess.class);
    private final MockMvc mvc = StandaloneMvc.of(new ApiKeyController(keys, access));
    private final UUID projectId = UUID.randomUUID();
    private final ProjectGrant admin = new ProjectGrant(
            projectId, ProjectRole.ADMIN, new UserPrincipal(UUID.randomUUID(), "a@example.com", "A", false));
    private final Instant now = Instant.parse("2025-03-01T10:15:30Z");

    @Test
    void createReturnsTheKeyOnce() throws Exception {
        when(access.requireRole(projectId, ProjectRole.ADMIN)).thenReturn(admin);
        UUID keyId = UUID.randomUUID();
        when(keys.create(admin, "sensor", EnumSet.of(ApiKeyScope.INGEST, ApiKeyScope.READ)))
                .thenReturn(new CreatedApiKey(
                        keyId, "ef_secret", "sensor", EnumSet.of(ApiKeyScope.INGEST, ApiKeyScope.READ), now));

        mvc.perform(post("/api/v1/projects/{id}/api-keys", projectId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"sensor\",\"scopes\":[\"read\",\"ingest\"]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(keyId.toString()))
                .andExpect(jsonPath("$.key").value("ef_secret"))
                .andExpect(jsonPath("$.scopes[0]").value("ingest"))
                .andExpect(jsonPath("$.scopes[1]").value("read"));
    }

    @Test
    void unknownOrMissingScopesAreValidationProblems() throws Exception {
        mvc.perform(post("/api/v1/projects/{id}/api-keys", projectId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"sensor\",\"scopes\":[\"write\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("scopes[0]"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of ingest, read, admin, got 'write'"));

        mvc.perform(post("/api/v1/projects/{id}/api-keys", projectId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"sensor\",\"scopes\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scopes"));
        verify(keys, never()).create(any(), any(), any());
    }

    @Test
    void listNeverContainsSecrets() throws Exception {
        ProjectGrant viewer = new ProjectGrant(projectId, ProjectRole.VIEWER, admin.principal());
        when(access.requireRole(projectId, ProjectRole.VIEWER)).thenReturn(viewer);
        when(keys.list(viewer))
                .thenReturn(List.of(
                        new ApiKeyView(UUID.randomUUID(), "sensor", "ef_Ab3x9Q", Set.of(ApiKeyScope.READ), now, null)));

        mvc.perform(get("/api/v1/projects/{id}/api-keys", projectId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].prefix").value("ef_Ab3x9Q"))
                .andExpect(jsonPath("$[0].key").doesNotExist());
    }

    @Test
    void revokingAnUnknownKeyIs404() throws Exception {
        UUID keyId = UUID.randomUUID();
        when(access.requireRole(projectId, ProjectRole.ADMIN)).thenReturn(admin);
        Mockito.doThrow(new ApiKeyNotFoundException(keyId)).when(keys).revoke(admin, keyId);

        mvc.perform(delete("/api/v1/projects/{id}/api-keys/{key}", projectId, keyId))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("api-key-not-found"));
    }
}
