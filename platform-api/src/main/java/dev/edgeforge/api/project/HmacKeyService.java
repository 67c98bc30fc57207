package dev.edgeforge.api.project;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.security.SecretTokens;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** HMAC keys for signed device data. */
@Service
public class HmacKeyService {

    /** 128-bit secrets as 32 hex characters, the form Edge Impulse devices are configured with. */
    private static final int SECRET_BYTES = 16;

    private final HmacKeyRepository keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HmacKeyService(HmacKeyRepository keys, ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a key with a generated secret. */
    @Transactional
    public HmacKeyView create(ProjectGrant grant, String name) {
        return create(grant, name, Optional.empty());
    }

    /**
     * Creates a key with the given secret (brought from Edge Impulse, or a fleet's existing key), or a generated one.
     *
     * @throws ValidationViolation    when the given secret is too short, too long or not printable ASCII (400)
     * @throws HmacKeyExistsViolation when the project has a key with this secret (409)
     */
    @Transactional
    public HmacKeyView create(ProjectGrant grant, String name, Optional<String> secret) {
        String value;
        if (secret.isPresent()) {
            value = HmacSecret.check(secret.get());
            keys.findByProjectIdOrderByCreatedAtDesc(grant.projectId()).stream()
                    .filter(k -> k.secret().equals(value))
                    .findFirst()
                    .ifPresent(k -> {
                        throw new HmacKeyExistsViolation(k.name());
                    });
        } else {
            value = SecretTokens.generateHex(SECRET_BYTES);
        }
        HmacKey key = keys.save(new HmacKey(
                grant.projectId(), name.trim(), value, grant.userId().orElse(null), clock.instant()));
        events.publishEvent(
                new HmacKeyCreated(grant.projectId(), grant.principal(), key.id(), key.name(), secret.isPresent()));
        return key.toView(true);
    }

    /** The project's keys; secrets only for admins and owners (and admin-scope API keys). */
    @Transactional(readOnly = true)
    public List<HmacKeyView> list(ProjectGrant grant) {
        boolean withSecrets = grant.atLeast(ProjectRole.ADMIN);
        return keys.findByProjectIdOrderByCreatedAtDesc(grant.projectId()).stream()
                .map(k -> k.toView(withSecrets))
                .toList();
    }

    /** The secrets of a project, for verifying signed data (ingestion). */
    @Transactional(readOnly = true)
    public List<String> secrets(UUID projectId) {
        return keys.findByProjectIdOrderByCreatedAtDesc(projectId).stream()
                .map(HmacKey::secret)
                .toList();
    }

    @Transactional
    public void delete(ProjectGrant grant, UUID keyId) {
        HmacKey key = keys.findByIdAndProjectId(keyId, grant.projectId())
                .orElseThrow(() -> new HmacKeyNotFoundException(keyId));
        keys.delete(key);
        events.publishEvent(new HmacKeyRevoked(grant.projectId(), grant.principal(), keyId, key.name()));
    }
}
