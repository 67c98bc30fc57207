package dev.edgeforge.api.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's membership in a project with a role. Persistence only. */
@Entity
@Table(name = "project_member")
class ProjectMember {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProjectMember() {}

    ProjectMember(UUID projectId, UUID userId, ProjectRole role, Instant createdAt) {
        this.projectId = projectId;
        this.userId = userId;
        this.role = role;
        this.createdAt = createdAt;
    }

    UUID projectId() {
        return projectId;
    }

    UUID userId() {
        return userId;
    }

    ProjectRole role() {
        return role;
    }

    Instant createdAt() {
        return createdAt;
    }

    void changeRole(ProjectRole newRole) {
        this.role = newRole;
    }
}
