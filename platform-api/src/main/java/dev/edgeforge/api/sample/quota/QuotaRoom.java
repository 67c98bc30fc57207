package dev.edgeforge.api.sample.quota;

import java.util.HashSet;
import java.util.Set;

/**
 * The room left in a project's storage quota within one transaction that holds the project's quota lock
 * ({@link StorageQuotaService#lockRoom}): uploads committed together take from it one after the other, exactly as
 * if each had been checked in its own transaction in that order.
 */
public final class QuotaRoom {

    private final long quota;
    private final Set<String> held;
    private long used;

    QuotaRoom(long quota, long used, Set<String> held) {
        this.quota = quota;
        this.used = used;
        this.held = new HashSet<>(held);
    }

    /**
     * Counts a content against the quota unless the project already holds it (or an earlier upload of this
     * transaction brought it).
     *
     * @throws StorageQuotaViolation when it does not fit; nothing is counted then
     */
    public void take(String sha256, long sizeBytes) {
        if (held.contains(sha256)) {
            return;
        }
        if (used + sizeBytes > quota) {
            throw new StorageQuotaViolation(quota, used, sizeBytes);
        }
        used += sizeBytes;
        held.add(sha256);
    }
}
