package dev.edgeforge.api.project;

import dev.edgeforge.api.account.AccountOverview;
import dev.edgeforge.api.account.AccountService;
import dev.edgeforge.api.account.UserDirectory;
import dev.edgeforge.api.account.UserSummary;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.security.SecretTokens;
import dev.edgeforge.api.security.UserPrincipal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites: how people join a project while registration is closed. An admin invites an email with a role and gets a
 * one-time link (no mail server needed: they pass it on); whoever opens it as that email joins. Accepting creates the
 * account when the email has none, or adds the existing account, which must be signed in.
 */
@Service
public class InviteService {

    /** Prefix of invite tokens, so they are recognisable like the other secrets. */
    static final String TOKEN_PREFIX = "efi_";

    private final ProjectInviteRepository invites;
    private final ProjectMemberRepository members;
    private final ProjectRepository projects;
    private final UserDirectory users;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final InviteProperties properties;
    private final Clock clock;

    InviteService(
            ProjectInviteRepository invites,
            ProjectMemberRepository members,
            ProjectRepository projects,
            UserDirectory users,
            AccountService accounts,
            ApplicationEventPublisher events,
            InviteProperties properties,
            Clock clock) {
        this.invites = invites;
        this.members = members;
        this.projects = projects;
        this.users = users;
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Invites {@code email} as {@code role}; a pending invite for the same email is replaced. The caller must be
     * admin, and owner to invite an owner (as for adding members).
     *
     * @throws MemberExistsViolation when the email's account is already a member
     */
    @Transactional
    public CreatedInvite create(ProjectGrant grant, String email, ProjectRole role) {
        MemberService.requireAdmin(grant);
        if (role == ProjectRole.OWNER) {
            MemberService.requireOwner(grant, "Only owners can invite an owner");
        }
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+") || normalized.length() > 320) {
            throw new ValidationViolation("email", "must be an email address such as ada@example.com");
        }
        Optional<UserSummary> existing = users.findByEmail(normalized);
        if (existing.isPresent()
                && members.findRole(grant.projectId(), existing.get().id()).isPresent()) {
            throw new MemberExistsViolation(normalized);
        }
        for (ProjectInvite earlier :
                invites.findByProjectIdAndEmailAndAcceptedAtIsNull(grant.projectId(), normalized)) {
            invites.delete(earlier);
            events.publishEvent(
                    new InviteRevoked(grant.projectId(), grant.principal(), earlier.id(), normalized, earlier.role()));
        }
        Instant now = clock.instant();
        String token = SecretTokens.generate(TOKEN_PREFIX);
        ProjectInvite invite = invites.save(new ProjectInvite(
                grant.projectId(),
                normalized,
                role,
                SecretTokens.sha256Hex(token),
                grant.userId().orElse(null),
                now,
                now.plus(properties.ttl())));
        events.publishEvent(new InviteCreated(
                grant.projectId(), grant.principal(), invite.id(), normalized, role, invite.expiresAt()));
        return new CreatedInvite(invite.id(), normalized, role, now, invite.expiresAt(), token);
    }

    /** The invites nobody accepted yet, newest first; admins only. */
    @Transactional(readOnly = true)
    public List<InviteView> list(ProjectGrant grant) {
        MemberService.requireAdmin(grant);
        Instant now = clock.instant();
        return invites.findByProjectIdAndAcceptedAtIsNullOrderByCreatedAtDesc(grant.projectId()).stream()
                .map(i -> i.toView(now))
                .toList();
    }

    /** Revokes an invite nobody accepted yet: its link stops working. */
    @Transactional
    public void revoke(ProjectGrant grant, UUID inviteId) {
        MemberService.requireAdmin(grant);
        ProjectInvite invite = invites.findByIdAndProjectIdAndAcceptedAtIsNull(inviteId, grant.projectId())
                .orElseThrow(() -> new InviteNotFoundException(inviteId));
        invites.delete(invite);
        events.publishEvent(
                new InviteRevoked(grant.projectId(), grant.principal(), inviteId, invite.email(), invite.role()));
    }

    /** What a link offers; {@link InviteNotFoundException} when it does not work. */
    @Transactional(readOnly = true)
    public InviteDetails describe(String token) {
        ProjectInvite invite = open(invites.findByTokenHash(hash(token)));
        return new InviteDetails(
                projectName(invite.projectId()),
                invite.email(),
                invite.role(),
                invite.expiresAt(),
                users.findByEmail(invite.email()).isPresent());
    }

    /**
     * Accepts an invite.
     *
     * @param caller   the signed-in user, if any; required (as the invited email) when that email has an account
     * @param password the new account's password when the email has no account yet
     * @param name     the new account's display name (optional)
     */
    @Transactional
    public AcceptedInvite accept(String token, Optional<UserPrincipal> caller, String password, String name) {
        ProjectInvite invite = open(invites.lockByTokenHash(hash(token)));
        Optional<UserSummary> existing = users.findByEmail(invite.email());
        UserPrincipal user;
        boolean created = existing.isEmpty();
        if (created) {
            AccountOverview account = accounts.createAccount(invite.email(), password, name, false);
            user = new UserPrincipal(account.id(), account.email(), account.displayName(), false);
        } else {
            user = caller.orElseThrow(() -> InviteAccountViolation.signInRequired(invite.email()));
            if (!user.id().equals(existing.get().id())) {
                throw InviteAccountViolation.otherAccount(invite.email(), user.email());
            }
        }
        Instant now = clock.instant();
        invite.accept(user.id(), now);
        boolean alreadyMember = members.findRole(invite.projectId(), user.id()).isPresent();
        events.publishEvent(
                new InviteAccepted(invite.projectId(), user, invite.id(), invite.email(), invite.role(), created));
        if (!alreadyMember) {
            members.save(new ProjectMember(invite.projectId(), user.id(), invite.role(), now));
            events.publishEvent(
                    new MemberAdded(invite.projectId(), user, user.id(), invite.email(), invite.role(), invite.id()));
        }
        return new AcceptedInvite(
                invite.projectId(),
                projectName(invite.projectId()),
                user.id(),
                invite.email(),
                invite.role(),
                created,
                alreadyMember);
    }

    private ProjectInvite open(Optional<ProjectInvite> found) {
        return found.filter(i -> i.isOpenAt(clock.instant())).orElseThrow(InviteNotFoundException::new);
    }

    private String projectName(UUID projectId) {
        return projects.findById(projectId).map(Project::name).orElseThrow(InviteNotFoundException::new);
    }

    private static String hash(String token) {
        return SecretTokens.sha256Hex(token == null ? "" : token);
    }
}
