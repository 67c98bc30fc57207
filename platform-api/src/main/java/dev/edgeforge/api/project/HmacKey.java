package dev.edgeforge.api.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A shared secret for HMAC-signed device data. Stored in clear on purpose: verifying a signature needs the secret
 * itself. Persistence only.
 */
@Entity
@Table(name = "project_hmac_key")
class HmacKey {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String secret;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected HmacKey() {}

    HmacKey(UUID projectId, String name, String secret, UUID createdBy, Instant createdAt) {
        this.projectId = projectId;
        this.name = name;
        this.secret = secret;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    String name() {
        return name;
    }

    String secret() {
        return secret;
    }

    HmacKeyView toView(boolean withSecret) {
        return new HmacKeyView(id, name, withSecret ? secret : null, createdAt);
    }
}
