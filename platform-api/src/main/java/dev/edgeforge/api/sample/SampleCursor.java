package dev.edgeforge.api.sample;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Position after the last sample of a page, in the list's order (newest first: {@code created_at DESC, id DESC}).
 * Sent to clients as an opaque string; the next page is everything strictly after it, so rows added or removed
 * meanwhile never shift a page.
 */
record SampleCursor(Instant createdAt, UUID id) {

    private static final String VERSION = "s1";

    static SampleCursor after(SampleRow row) {
        return new SampleCursor(row.createdAt(), row.id());
    }

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String plain = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws SampleRequestViolation when the text is not a cursor this server wrote */
    static SampleCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.US_ASCII);
            String[] parts = plain.split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("unknown cursor layout");
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return new SampleCursor(at, UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new SampleRequestViolation(
                    "cursor",
                    "is not a cursor from a previous page (use the 'next' value " + "of the last answer as it is)");
        }
    }
}
