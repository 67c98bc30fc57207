package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.ApiKeyScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
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
class ProjectApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @Column(name = "project_id", nullable = false)
    private UUID projectId;

    @Column(nullable = false)
    private String name;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    /** Comma-separated scope values, e.g. {@code ingest,read}; checked by the table's constraint. */
    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_by")
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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
        this.projectId = projectId;
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.keyHash = keyHash;
        this.scopes = EnumSet.copyOf(scopes).stream().map(ApiKeyScope::value).collect(Collectors.joining(","));
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
        return new ApiKeyPrincipal(id, projectId, name, scopes());
    }

    ApiKeyView toView() {
        return new ApiKeyView(id, name, keyPrefix, scopes(), createdAt, lastUsedAt);
    }
}
