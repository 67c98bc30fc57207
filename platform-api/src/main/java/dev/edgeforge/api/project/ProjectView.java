package dev.edgeforge.api.project;

import java.time.Instant;
import java.util.UUID;

/**
 * A project as the API shows it.
 *
 * @param role              the caller's effective role in the project (for an API key: admin scope = admin, read =
 *                          viewer); null for an API key that may only ingest
 * @param requireSignedData whether data sent with an API key must carry a valid HMAC signature
 *                          ({@link SignedDataPolicy})
 */
public record ProjectView(
        UUID id,
        String name,
        String description,
        Instant createdAt,
        Instant updatedAt,
        ProjectRole role,
        boolean requireSignedData) {}
