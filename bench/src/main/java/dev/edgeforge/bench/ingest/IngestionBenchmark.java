package dev.edgeforge.bench.ingest;

import dev.edgeforge.api.EdgeForgeApplication;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ingestion and list benchmark of the server, over its public HTTP API only:
 * <ol>
 *   <li>ingestion: {@code --clients} concurrent clients (default 8) send {@code --samples} (default 4000) distinct
 *       2 KB Edge Impulse JSON messages to {@code POST /api/training/data}; prints samples/s and request latency;</li>
 *   <li>listing: {@code --rows} samples (default 100,000) uploaded through the API ({@link ListingBenchmark});
 *       prints p50/p95 latency of {@code GET .../samples} for the first page, a deep page, filtered pages and a name
 *       search.</li>
 * </ol>
 * By default it starts the server alone (platform-api, embedded PostgreSQL, filesystem object store, no workers) in
 * a temporary directory with a first administrator whose password is drawn for this run; {@code --url=} with
 * {@code --email=} and {@code --password=} measures a running server instead (it creates two projects there).
 * Prints figures only; asserts nothing. Run: {@code ./edgeforge bench ingest [--clients=8 --samples=4000
 * --rows=100000]}.
 */
public final class IngestionBenchmark {

    private static final int WARMUP_MESSAGES = 50;

    private final PlatformClient client;

    private IngestionBenchmark(PlatformClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "4000"));
        int rows = Integer.parseInt(options.getOrDefault("rows", "100000"));
        if (options.containsKey("url")) {
            String email = require(options, "email");
            String password = require(options, "password");
            new IngestionBenchmark(new PlatformClient(options.get("url"))).run(email, password, clients, samples, rows);
            return;
        }
        Path dataDir = Files.createTempDirectory("edgeforge-bench-");
        String email = "bench@edgeforge.local";
        String password = randomPassword();
        System.out.printf(Locale.ROOT, "Starting the EdgeForge server (embedded PostgreSQL, data in %s)%n", dataDir);
        ConfigurableApplicationContext context = new SpringApplication(EdgeForgeApplication.class)
                .run(
                        "--server.port=0",
                        "--edgeforge.data-dir=" + dataDir,
                        "--edgeforge.embedded-postgres.port=0",
                        "--edgeforge.admin.email=" + email,
                        "--edgeforge.admin.password=" + password,
                        "--edgeforge.workers.embedded=false",
                        "--logging.level.root=WARN",
                        "--logging.level.dev.edgeforge=WARN",
                        "--spring.main.banner-mode=off");
        try {
            System.out.printf(
                    Locale.ROOT,
                    "This disk: %.0f fsyncs/s (a sample alone costs three: its object, the object's "
                            + "directory, the row's commit; concurrent uploads share directory syncs and commits)%n",
                    fsyncsPerSecond(dataDir));
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            new IngestionBenchmark(new PlatformClient("http://localhost:" + port))
                    .run(email, password, clients, samples, rows);
        } finally {
            context.close();
            deleteRecursively(dataDir);
        }
    }

    private void run(String email, String password, int clients, int samples, int rows) throws Exception {
        String token = client.login(email, password);
        UUID projectId = project(token, "ingestion bench");
        String apiKey = client.post(
                        "/api/v1/projects/" + projectId + "/api-keys",
                        token,
                        "{\"name\": \"bench\", \"scopes\": [\"ingest\"]}")
                .get("key")
                .asString();
        ingestion(apiKey, clients, samples);
        new ListingBenchmark(client, token).run(project(token, "list bench"), rows);
    }

    private UUID project(String token, String name) throws Exception {
        return UUID.fromString(client.post(
                        "/api/v1/projects",
                        token,
                        PlatformClient.ObjectJson.of("name", name).text())
                .get("id")
                .asString());
    }

    private void ingestion(String apiKey, int clients, int samples) throws Exception {
        List<byte[]> messages = new ArrayList<>(samples);
        Random random = new Random(42);
        for (int i = 0; i < samples; i++) {
            messages.add(SampleMessages.message(random, "bench-device"));
        }
        int average = (int) messages.stream().mapToInt(m -> m.length).average().orElse(0);
        // warm up the server's code paths (JIT, connection pools) before timing
        for (int i = 0; i < WARMUP_MESSAGES; i++) {
            client.sendData(apiKey, SampleMessages.message(random, "bench-device"), "warmup." + i + ".json");
        }
        System.out.printf(
                Locale.ROOT,
                "%nIngestion: %d clients, %d Edge Impulse JSON samples of ~%d bytes to " + "POST /api/training/data%n",
                clients,
                samples,
                average);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[samples];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                int failures = 0;
                int i;
                while ((i = next.getAndIncrement()) < samples) {
                    long t = System.nanoTime();
                    int status = client.sendData(apiKey, messages.get(i), "bench." + i + ".json");
                    latencies[i] = System.nanoTime() - t;
                    if (status != 200) {
                        failures++;
                    }
                }
                return failures;
            }));
        }
        int failures = 0;
        for (Future<Integer> f : done) {
            failures += f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(
                Locale.ROOT,
                "  %d samples in %.2f s: %.0f samples/s (%d failed)%n",
                samples,
                seconds,
                samples / seconds,
                failures);
        System.out.printf(
                Locale.ROOT,
                "  request latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                Percentiles.millis(latencies, 50),
                Percentiles.millis(latencies, 95),
                Percentiles.millis(latencies, 99));
    }

    /** A password for this run's administrator, never written anywhere but the server's configuration. */
    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** How many small synchronous writes the data directory's disk completes per second. */
    private static double fsyncsPerSecond(Path dir) throws IOException {
        Path probe = Files.createTempFile(dir, "fsync-", ".probe");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(2048);
            int count = 100;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                block.rewind();
                channel.write(block, 0);
                channel.force(true);
            }
            return count / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got " + arg
                        + " (options: --clients, --samples, --rows, --url with --email and --password)");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--url needs --" + name + "= of an account on that server");
        }
        return value;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
