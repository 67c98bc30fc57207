package dev.edgeforge.api.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Recent failures per key (an account or an address), in memory: at most {@code limit} instants per key and at most
 * {@value #MAX_KEYS} keys, so a flood of made-up emails cannot exhaust the heap. Thread-safe.
 */
final class FailureWindow {

    static final int MAX_KEYS = 100_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    FailureWindow(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the sign-in throttle needs a limit of at least 1 and a positive "
                    + "window, got " + limit + " in " + window);
        }
        this.limit = limit;
        this.window = window;
    }

    /**
     * How long {@code key} stays blocked: zero when it has fewer than {@code limit} failures in the window,
     * otherwise until enough of them are older than the window.
     */
    synchronized Duration blockedFor(String key, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return Duration.ZERO;
        }
        forgetExpired(recent, now);
        if (recent.size() < limit) {
            return Duration.ZERO;
        }
        // the deque never holds more than limit: the oldest must leave the window
        return Duration.between(now, recent.peekFirst().plus(window));
    }

    synchronized void record(String key, Instant now) {
        if (failures.size() >= MAX_KEYS && !failures.containsKey(key)) {
            makeRoom(now);
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        forgetExpired(recent, now);
        recent.addLast(now);
        while (recent.size() > limit) {
            recent.removeFirst();
        }
    }

    /** How many keys are remembered. */
    synchronized int size() {
        return failures.size();
    }

    synchronized void clear(String key) {
        failures.remove(key);
    }

    private void forgetExpired(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !now.isBefore(recent.peekFirst().plus(window))) {
            recent.removeFirst();
        }
    }

    /** Drops keys without a failure in the window, and if that is not enough, keys in no particular order. */
    private void makeRoom(Instant now) {
        failures.values().forEach(recent -> forgetExpired(recent, now));
        failures.values().removeIf(Deque::isEmpty);
        Iterator<String> keys = failures.keySet().iterator();
        while (failures.size() >= MAX_KEYS && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
