package dev.edgeforge.api.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.ApiKeyScope;
import dev.edgeforge.api.security.AuthenticationRequiredException;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.security.EdgeForgeAuthentication;
import dev.edgeforge.api.security.EdgeForgePrincipal;
import dev.edgeforge.api.security.UserPrincipal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;

/** The decision table of {@link ProjectAccess}, without HTTP or a database. */
class ProjectAccessTest {

    private final UUID project = UUID.randomUUID();
    private final UUID otherProject = UUID.randomUUID();
    private final UserPrincipal user = new UserPrincipal(UUID.randomUUID(), "u@example.com", "U", false);
    private final ProjectMemberRepository members = mock(ProjectMemberRepository.class);
    private final ProjectAccess access = new ProjectAccess(new CurrentPrincipal(), members);

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private void signIn(EdgeForgePrincipal principal) {
        SecurityContextHolder.getContext().setAuthentication(new EdgeForgeAuthentication(principal));
    }

    private void memberAs(ProjectRole role) {
        signIn(user);
        when(members.findRole(project, user.id())).thenReturn(Optional.ofNullable(role));
    }

    private ApiKeyPrincipal key(UUID projectId, ApiKeyScope... scopes) {
        ApiKeyPrincipal key = new ApiKeyPrincipal(UUID.randomUUID(), projectId, "k", EnumSet.of(scopes[0], scopes));
        signIn(key);
        return key;
    }

    @Test
    void anonymousIsAskedToAuthenticate() {
        assertThatThrownBy(() -> access.requireRole(project, ProjectRole.VIEWER))
                .isInstanceOf(AuthenticationRequiredException.class);
    }

    @Test
    void nonMemberSeesNoProject() {
        memberAs(null);
        assertThatThrownBy(() -> access.requireRole(project, ProjectRole.VIEWER))
                .isInstanceOf(ProjectNotFoundException.class);
    }

    @Test
    void membersPassUpToTheirRole() {
        memberAs(ProjectRole.MEMBER);
        ProjectGrant grant = access.requireRole(project, ProjectRole.MEMBER);
        assertThat(grant.role()).isEqualTo(ProjectRole.MEMBER);
        assertThat(grant.userId()).contains(user.id());
        assertThatThrownBy(() -> access.requireRole(project, ProjectRole.ADMIN))
                .isInstanceOf(ProjectRoleViolation.class)
                .hasMessageContaining("member")
                .hasMessageContaining("admin");
    }

    @Test
    void usersNeedTheRoleMatchingAScope() {
        memberAs(ProjectRole.VIEWER);
        assertThat(access.requireScope(project, ApiKeyScope.READ).role()).isEqualTo(ProjectRole.VIEWER);
        assertThatThrownBy(() -> access.requireScope(project, ApiKeyScope.INGEST))
                .isInstanceOf(ProjectRoleViolation.class);
    }

    @Test
    void keysOfAnotherProjectSeeNothing() {
        key(otherProject, ApiKeyScope.ADMIN);
        assertThatThrownBy(() -> access.requireRole(project, ProjectRole.VIEWER))
                .isInstanceOf(ProjectNotFoundException.class);
        assertThatThrownBy(() -> access.requireScope(project, ApiKeyScope.INGEST))
                .isInstanceOf(ProjectNotFoundException.class);
    }

    @Test
    void keyScopesMapToRolesButNeverToOwner() {
        key(project, ApiKeyScope.READ);
        assertThat(access.requireRole(project, ProjectRole.VIEWER).role()).isEqualTo(ProjectRole.VIEWER);
        assertThatThrownBy(() -> access.requireRole(project, ProjectRole.MEMBER))
                .isInstanceOf(ApiKeyScopeViolation.class);

        key(project, ApiKeyScope.ADMIN);
        assertThat(access.requireRole(project, ProjectRole.ADMIN).role()).isEqualTo(ProjectRole.ADMIN);
        assertThatThrownBy(() -> access.requireRole(project, ProjectRole.OWNER))
                .isInstanceOf(ApiKeyScopeViolation.class)
                .hasMessageContaining("owner");
    }

    @Test
    void ingestKeysOnlyIngest() {
        key(project, ApiKeyScope.INGEST);
        ProjectGrant grant = access.requireScope(project, ApiKeyScope.INGEST);
        assertThat(grant.role()).isNull();
        assertThat(grant.atLeast(ProjectRole.VIEWER)).isFalse();
        assertThatThrownBy(() -> access.requireScope(project, ApiKeyScope.READ))
                .isInstanceOf(ApiKeyScopeViolation.class);
        assertThatThrownBy(() -> access.requireRole(project, ProjectRole.VIEWER))
                .isInstanceOf(ApiKeyScopeViolation.class);
    }

    @Test
    void adminScopeImpliesTheOthers() {
        key(project, ApiKeyScope.ADMIN);
        assertThat(access.requireScope(project, ApiKeyScope.INGEST).projectId()).isEqualTo(project);
        assertThat(access.requireScope(project, ApiKeyScope.READ).projectId()).isEqualTo(project);
    }

    @Test
    void ingestionEndpointsTakeTheProjectFromTheKey() {
        key(project, ApiKeyScope.INGEST);
        assertThat(access.requireApiKey(ApiKeyScope.INGEST).projectId()).isEqualTo(project);

        memberAs(ProjectRole.OWNER);
        assertThatThrownBy(() -> access.requireApiKey(ApiKeyScope.INGEST)).isInstanceOf(ApiKeyRequiredException.class);
    }
}
