package dev.edgeforge.api.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An invite to a project for one email and role; only the SHA-256 of its link's token is stored. Persistence only. */
@Entity
@Table(name = "project_invite")
class ProjectInvite extends ProjectOwnedEntity {

    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectRole role;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "accepted_by")
    private UUID acceptedBy;

    protected ProjectInvite() {}

    ProjectInvite(
            UUID projectId,
            String email,
            ProjectRole role,
            String tokenHash,
            UUID createdBy,
            Instant createdAt,
            Instant expiresAt) {
        super(projectId, createdBy, createdAt);
        this.email = email;
        this.role = role;
        this.tokenHash = tokenHash;
        this.expiresAt = expiresAt;
    }

    String email() {
        return email;
    }

    ProjectRole role() {
        return role;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the link still works: neither used nor expired. */
    boolean isOpenAt(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }

    void accept(UUID userId, Instant now) {
        this.acceptedBy = userId;
        this.acceptedAt = now;
    }

    InviteView toView(Instant now) {
        return new InviteView(id(), email, role, createdAt(), expiresAt, isOpenAt(now) ? "pending" : "expired");
    }
}
