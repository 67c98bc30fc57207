package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.ApiKeyScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A project API key; only the SHA-256 of the key and its first characters are stored. Persistence only. */
@Entity
@Table(name = "project_api_key")
class ProjectApiKey extends ProjectOwnedEntity {

    @Column(nullable = false)
    private String name;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    /** Comma-separated scope values, e.g. {@code ingest,read}; checked by the table's constraint. */
    @Column(nullable = false)
    private String scopes;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ProjectApiKey() {}

    ProjectApiKey(
            UUID projectId,
            String name,
            String keyPrefix,
            String keyHash,
            Set<ApiKeyScope> scopes,
            UUID createdBy,
            Instant createdAt) {
        super(projectId, createdBy, createdAt);
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.scopes = EnumSet.copyOf(scopes).stream().map(ApiKeyScope::value).collect(Collectors.joining(","));
    }

    String name() {
        return name;
    }

    Set<ApiKeyScope> scopes() {
        return Arrays.stream(scopes.split(","))
                .map(ApiKeyScope::fromValue)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ApiKeyScope.class)));
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    void markUsed(Instant now) {
        this.lastUsedAt = now;
    }

    ApiKeyPrincipal toPrincipal() {
        return new ApiKeyPrincipal(id(), projectId(), name, scopes());
    }

    ApiKeyView toView() {
        return new ApiKeyView(id(), name, keyPrefix, scopes(), createdAt(), lastUsedAt);
    }
}
