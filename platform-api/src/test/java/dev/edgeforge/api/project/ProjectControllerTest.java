package dev.edgeforge.api.project;

import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.ApiKeyScope;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import dev.edgeforge.api.support.StandaloneMvc;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class ProjectControllerTest {

    private final ProjectService projects = mock(ProjectService.class);
    private final ProjectAccess access = mock(ProjectAccess.class);
    private final MockMvc mvc = StandaloneMvc.of(new ProjectController(projects, access, new CurrentPrincipal()));
    private final UserPrincipal user = new UserPrincipal(UUID.randomUUID(), "ada@example.com", "Ada", false);
    private final UUID projectId = UUID.randomUUID();
    private final Instant now = Instant.parse("2025-03-01T10:15:30Z");

    @BeforeEach
    void signIn() {
        StandaloneMvc.signIn(user);
    }

    @AfterEach
    void signOut() {
        StandaloneMvc.signOut();
    }

    @Test
    void createAnswers201WithLocationAndTheProject() throws Exception {
        when(projects.create(user, "Keyword spotting", null))
                .thenReturn(new ProjectView(projectId, "Keyword spotting", "", now, now, ProjectRole.OWNER, false));

        mvc.perform(post("/api/v1/projects")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Keyword spotting\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/projects/" + projectId))
                .andExpect(jsonPath("$.id").value(projectId.toString()))
                .andExpect(jsonPath("$.name").value("Keyword spotting"))
                .andExpect(jsonPath("$.role").value("owner"))
                .andExpect(jsonPath("$.createdAt").value("2025-03-01T10:15:30Z"));
    }

    @Test
    void blankOrOverlongNamesAreValidationProblems() throws Exception {
        mvc.perform(post("/api/v1/projects")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"   \", \"description\":\"" + "d".repeat(2001) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("description"))
                .andExpect(jsonPath("$.errors[1].field").value("name"));
        verify(projects, never()).create(any(), any(), any());
    }

    @Test
    void apiKeysCannotCreateProjects() throws Exception {
        StandaloneMvc.signIn(new ApiKeyPrincipal(UUID.randomUUID(), projectId, "k", Set.of(ApiKeyScope.ADMIN)));
        mvc.perform(post("/api/v1/projects")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("user-account-required"));
    }

    @Test
    void getChecksViewerAccessAndMapsItsRefusal() throws Exception {
        when(access.requireRole(projectId, ProjectRole.VIEWER)).thenThrow(new ProjectNotFoundException(projectId));

        mvc.perform(get("/api/v1/projects/{id}", projectId))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("project-not-found"))
                .andExpect(jsonPath("$.title").value("Project not found"))
                .andExpect(jsonPath("$.instance").value("/api/v1/projects/" + projectId));
    }

    @Test
    void patchNeedsAdminAndChangesOnlyWhatIsSent() throws Exception {
        ProjectGrant grant = new ProjectGrant(projectId, ProjectRole.ADMIN, user);
        when(access.requireRole(projectId, ProjectRole.ADMIN)).thenReturn(grant);
        when(projects.update(eq(grant), isNull(), eq("new text"), isNull()))
                .thenReturn(new ProjectView(projectId, "Same", "new text", now, now, ProjectRole.ADMIN, false));

        mvc.perform(patch("/api/v1/projects/{id}", projectId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"new text\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("new text"));

        mvc.perform(patch("/api/v1/projects/{id}", projectId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void deleteNeedsTheOwner() throws Exception {
        when(access.requireRole(projectId, ProjectRole.OWNER))
                .thenThrow(new ProjectRoleViolation(ProjectRole.ADMIN, ProjectRole.OWNER));

        mvc.perform(delete("/api/v1/projects/{id}", projectId))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("project-role-too-low"))
                .andExpect(jsonPath("$.detail")
                        .value("Your role in this project is admin; this needs owner, ask a project owner or admin."));
        verify(projects, never()).delete(any());
    }
}
