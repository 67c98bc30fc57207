package dev.edgeforge.api.project;

import dev.edgeforge.api.account.UserDirectory;
import dev.edgeforge.api.account.UserSummary;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Project membership. Beyond the minimum role the caller checked, it keeps two rules: only owners grant, change or
 * remove the owner role, and a project always keeps at least one owner.
 */
@Service
public class MemberService {

    private final ProjectMemberRepository members;
    private final UserDirectory users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberService(ProjectMemberRepository members, UserDirectory users, ApplicationEventPublisher events, Clock clock) {
        this.members = members;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MemberView> list(ProjectGrant grant) {
        List<ProjectMember> rows = members.findByProjectIdOrderByCreatedAt(grant.projectId());
        Map<UUID, UserSummary> people =
                users.findAllById(rows.stream().map(ProjectMember::userId).toList());
        return rows.stream()
                .filter(m -> people.containsKey(m.userId()))
                .map(m -> view(m, people.get(m.userId())))
                .toList();
    }

    /** Adds a registered user; the caller must be admin or higher, and owner to add an owner. */
    @Transactional
    public MemberView add(ProjectGrant grant, String email, ProjectRole role) {
        requireAdmin(grant);
        if (role == ProjectRole.OWNER) {
            requireOwner(grant, "Only owners can make someone an owner");
        }
        UserSummary user = users.findByEmail(email).orElseThrow(() -> new UserNotRegisteredViolation(email.trim()));
        if (members.findByProjectIdAndUserId(grant.projectId(), user.id()).isPresent()) {
            throw new MemberExistsViolation(user.email());
        }
        ProjectMember member =
                members.saveAndFlush(new ProjectMember(grant.projectId(), user.id(), role, clock.instant()));
        events.publishEvent(new MemberAdded(grant.projectId(), grant.principal(), user.id(), user.email(), role, null));
        return view(member, user);
    }

    /** Changes a member's role; touching the owner role needs an owner, and the last owner stays owner. */
    @Transactional
    public MemberView changeRole(ProjectGrant grant, UUID userId, ProjectRole newRole) {
        requireAdmin(grant);
        ProjectMember member = find(grant, userId);
        if (member.role() == ProjectRole.OWNER || newRole == ProjectRole.OWNER) {
            requireOwner(grant, "Only owners can give or take the owner role");
        }
        if (member.role() == ProjectRole.OWNER && newRole != ProjectRole.OWNER) {
            requireAnotherOwner(grant.projectId());
        }
        ProjectRole previous = member.role();
        member.changeRole(newRole);
        UserSummary user = users.findById(userId).orElseThrow(() -> new MemberNotFoundException(userId));
        if (previous != newRole) {
            events.publishEvent(new MemberRoleChanged(
                    grant.projectId(), grant.principal(), userId, user.email(), previous, newRole));
        }
        return view(member, user);
    }

    /** Removes a member; anyone may leave, removing others needs admin (owner for owners). */
    @Transactional
    public void remove(ProjectGrant grant, UUID userId) {
        ProjectMember member = find(grant, userId);
        boolean leaving = grant.userId().map(userId::equals).orElse(false);
        if (!leaving) {
            requireAdmin(grant);
            if (member.role() == ProjectRole.OWNER) {
                requireOwner(grant, "Only owners can remove an owner");
            }
        }
        if (member.role() == ProjectRole.OWNER) {
            requireAnotherOwner(grant.projectId());
        }
        members.delete(member);
        String email = users.findById(userId).map(UserSummary::email).orElse(userId.toString());
        events.publishEvent(new MemberRemoved(grant.projectId(), grant.principal(), userId, email, member.role()));
    }

    private ProjectMember find(ProjectGrant grant, UUID userId) {
        return members.findByProjectIdAndUserId(grant.projectId(), userId)
                .orElseThrow(() -> new MemberNotFoundException(userId));
    }

    private void requireAnotherOwner(UUID projectId) {
        if (members.lockByProjectIdAndRole(projectId, ProjectRole.OWNER).size() < 2) {
            throw new LastOwnerViolation();
        }
    }

    static void requireAdmin(ProjectGrant grant) {
        if (grant.atLeast(ProjectRole.ADMIN)) {
            return;
        }
        if (grant.apiKey().isPresent()) {
            throw ApiKeyScopeViolation.roleNeeded(grant.apiKey().get(), ProjectRole.ADMIN);
        }
        throw new ProjectRoleViolation(grant.role(), ProjectRole.ADMIN);
    }

    static void requireOwner(ProjectGrant grant, String what) {
        if (!grant.atLeast(ProjectRole.OWNER)) {
            if (grant.apiKey().isPresent()) {
                throw new ProjectRoleViolation(what + "; API keys never act as owner, sign in as an owner.");
            }
            throw new ProjectRoleViolation(
                    what + "; your role is " + grant.role().value() + ".");
        }
    }

    private static MemberView view(ProjectMember member, UserSummary user) {
        return new MemberView(user.id(), user.email(), user.displayName(), member.role(), member.createdAt());
    }
}
