package dev.edgeforge.api.project;

import dev.edgeforge.api.security.ApiKeyPrincipal;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.core.format.ei.EiSignatureStatus;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The project setting "require signed data": data a device or script sends with an API key must be an Edge Impulse
 * message whose HMAC signature verified with one of the project's keys. Unsigned messages ({@code alg: none}),
 * signed ones that no key of the project can check or that its keys disprove, and files that cannot carry a signature
 * (CSV, WAV, images) are refused with 401. Without the setting they are stored and marked, as Edge Impulse does.
 * People signed in (browser, bearer token) are not affected: the setting guards the devices' door.
 *
 * <p>Ingestion calls {@link #check} once per file, at the point where the signature status is known.
 */
@Component
public class SignedDataPolicy {

    private final JdbcClient jdbc;
    private final CurrentPrincipal current;

    SignedDataPolicy(JdbcClient jdbc, CurrentPrincipal current) {
        this.jdbc = jdbc;
        this.current = current;
    }

    /**
     * @param signature the file's signature status; empty for a format without signatures
     * @throws UnsignedDataViolation when the project requires signed data, the caller is an API key and the file's
     *                               signature did not verify
     */
    // on every device upload: one plain query, no transaction of its own (a round trip, not four)
    public void check(UUID projectId, String fileName, Optional<EiSignatureStatus> signature) {
        if (signature.filter(EiSignatureStatus.VERIFIED::equals).isPresent()) {
            return;
        }
        if (!(current.find().orElse(null) instanceof ApiKeyPrincipal)) {
            return;
        }
        boolean required = jdbc.sql("SELECT require_signed_data FROM project WHERE id = :id")
                .param("id", projectId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (required) {
            throw new UnsignedDataViolation(fileName, signature);
        }
    }
}
