package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.ApiKeyScope;
import dev.edgeforge.api.security.ApiKeyVerifier;
import dev.edgeforge.api.security.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Project API keys: created with scopes, shown once, stored as SHA-256, revocable. */
@Service
public class ApiKeyService implements ApiKeyVerifier {

    /** Characters of the key kept in clear so people can tell keys apart ({@code ef_} + 6). */
    static final int VISIBLE_PREFIX_LENGTH = SecretTokens.API_KEY_PREFIX.length() + 6;

    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ProjectApiKeyRepository keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiKeyService(ProjectApiKeyRepository keys, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CreatedApiKey create(ProjectGrant grant, String name, Set<ApiKeyScope> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new ValidationViolation("scopes", "must name at least one of " + ApiKeyScope.allowedValues());
        }
        String secret = SecretTokens.generate(SecretTokens.API_KEY_PREFIX);
        ProjectApiKey key = keys.save(new ProjectApiKey(
                grant.projectId(),
                name.trim(),
                secret.substring(0, VISIBLE_PREFIX_LENGTH),
                SecretTokens.sha256Hex(secret),
                scopes,
                grant.userId().orElse(null),
                clock.instant()));
        ApiKeyView view = key.toView();
        events.publishEvent(
                new ApiKeyCreated(grant.projectId(), grant.principal(), view.id(), view.name(), view.scopes()));
        return new CreatedApiKey(view.id(), secret, view.name(), view.scopes(), view.createdAt());
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list(ProjectGrant grant) {
        return keys.findByProjectIdOrderByCreatedAtDesc(grant.projectId()).stream()
                .map(ProjectApiKey::toView)
                .toList();
    }

    @Transactional
    public void revoke(ProjectGrant grant, UUID keyId) {
        ProjectApiKey key = keys.findByIdAndProjectId(keyId, grant.projectId())
                .orElseThrow(() -> new ApiKeyNotFoundException(keyId));
        keys.delete(key);
        events.publishEvent(new ApiKeyRevoked(grant.projectId(), grant.principal(), keyId, key.name()));
    }

    @Override
    @Transactional
    public Optional<ApiKeyPrincipal> verify(String apiKey) {
        if (!apiKey.startsWith(SecretTokens.API_KEY_PREFIX)) {
            return Optional.empty();
        }
        return keys.findByKeyHash(SecretTokens.sha256Hex(apiKey)).map(key -> {
            Instant now = clock.instant();
            if (key.lastUsedAt() == null
                    || key.lastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                key.markUsed(now);
            }
            return key.toPrincipal();
        });
    }
}
