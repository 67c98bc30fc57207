package dev.edgeforge.api.project;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns of a row that a project's admin created for the project (an API key, an HMAC key, an invite): its
 * generated id, the project, who created it (null once that account is deleted) and when. Persistence only.
 */
@MappedSuperclass
abstract class ProjectOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProjectOwnedEntity() {}

    ProjectOwnedEntity(UUID projectId, UUID createdBy, Instant createdAt) {
        this.projectId = projectId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    Instant createdAt() {
        return createdAt;
    }
}
