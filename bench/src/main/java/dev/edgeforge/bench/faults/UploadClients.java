package dev.edgeforge.bench.faults;

import dev.edgeforge.bench.ingest.SampleMessages;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Devices uploading without pause: each sends distinct 2 KB Edge Impulse JSON samples to {@code POST
 * /api/training/data}; a sample is acknowledged by a 200, and a device sends the same sample again after anything
 * else (an error status or no answer), waiting as {@code Retry-After} says (at most a second). Every answer is kept
 * with its time, so the checks can tell what devices got during each fault.
 */
final class UploadClients {

    /** One answer a device got: when, and the status (0: no HTTP answer at all, e.g. connection refused). */
    record Outcome(long nanos, int status, boolean retryAfter) {}

    private final Api api;
    private final String apiKey;
    private final int clients;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    UploadClients(Api api, String apiKey, int clients) {
        this.api = api;
        this.apiKey = apiKey;
        this.clients = clients;
    }

    void start() {
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> run(client), "device-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops sending once each device's sample in flight is answered. */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(120_000);
        }
    }

    /** SHA-256 of every sample a device got 200 for. */
    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    private void run(int client) {
        Random random = new Random(1000 + client);
        int n = 0;
        byte[] message = SampleMessages.message(random, "device-" + client);
        while (!stop.get()) {
            String name = "device" + client + "." + n + ".json";
            int status;
            String retryAfter = null;
            try {
                Api.Answer answer = api.ingest(apiKey, "training", "bench", name, message);
                status = answer.status();
                retryAfter = answer.retryAfter();
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            outcomes.add(new Outcome(System.nanoTime(), status, retryAfter != null));
            if (status == 200) {
                acknowledged.add(sha256(message));
                n++;
                message = SampleMessages.message(random, "device-" + client);
            } else {
                sleep(retryAfter == null ? 200 : Math.min(1000, 1000 * parse(retryAfter)));
            }
        }
    }

    private static long parse(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
