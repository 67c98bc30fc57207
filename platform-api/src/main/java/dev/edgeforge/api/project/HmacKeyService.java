package dev.edgeforge.api.project;

import dev.edgeforge.api.security.SecretTokens;
import java.time.Clock;
import java.util.List;
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

    @Transactional
    public HmacKeyView create(ProjectGrant grant, String name) {
        HmacKey key = keys.save(new HmacKey(
                grant.projectId(),
                name.trim(),
                SecretTokens.generateHex(SECRET_BYTES),
                grant.userId().orElse(null),
                clock.instant()));
        events.publishEvent(new HmacKeyCreated(grant.projectId(), grant.principal(), key.id(), key.name()));
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
