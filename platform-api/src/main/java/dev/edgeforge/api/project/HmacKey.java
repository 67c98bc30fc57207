package dev.edgeforge.api.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A shared secret for HMAC-signed device data. Stored in clear on purpose: verifying a signature needs the secret
 * itself. Persistence only.
 */
@Entity
@Table(name = "project_hmac_key")
class HmacKey extends ProjectOwnedEntity {

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String secret;

    protected HmacKey() {}

    HmacKey(UUID projectId, String name, String secret, UUID createdBy, Instant createdAt) {
        super(projectId, createdBy, createdAt);
        this.name = name;
        this.secret = secret;
    }

    String name() {
        return name;
    }

    String secret() {
        return secret;
    }

    HmacKeyView toView(boolean withSecret) {
        return new HmacKeyView(id(), name, withSecret ? secret : null, createdAt());
    }
}
