package dev.edgeforge.api.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.edgeforge.api.EdgeForgeApplication;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import dev.edgeforge.infra.storage.ObjectStore;

/**
 * Ingestion and list benchmark of the all-in-one server (embedded PostgreSQL, filesystem object store, in a
 * temporary directory), over real HTTP:
 * <ol>
 *   <li>ingestion: {@code --clients} concurrent clients (default 8) send {@code --samples} (default 4000) distinct
 *       2 KB Edge Impulse JSON messages to {@code POST /api/training/data}; prints samples/s and request latency;</li>
 *   <li>listing: {@code --rows} sample rows (default 100,000) are inserted with {@code COPY}, each pointing at one of
 *       a few hundred really stored objects; prints p50/p95 latency of {@code GET .../samples} for the first page, a
 *       deep page, a deep page with label and category filters, and a name search.</li>
 * </ol>
 * Prints figures only; asserts nothing. Run: {@code ./edgeforge bench ingest [--clients=8 --samples=4000
 * --rows=100000]}.
 */
public final class IngestionBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] LABELS = {"idle", "wave", "snake", "updown", "circle", "tap", "shake", "walk",
            "run", "noise"};
    private static final int TARGET_MESSAGE_BYTES = 2048;
    private static final int TIMED_REQUESTS = 200;
    private static final int WARMUP_REQUESTS = 100;
    /** Distinct stored objects the listing rows point at. */
    private static final int OBJECTS = 200;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "4000"));
        int rows = Integer.parseInt(options.getOrDefault("rows", "100000"));
        Path dataDir = Files.createTempDirectory("edgeforge-bench-");
        System.out.printf(Locale.ROOT, "Starting EdgeForge (embedded PostgreSQL, data in %s)%n", dataDir);
        ConfigurableApplicationContext context = new SpringApplication(EdgeForgeApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--edgeforge.data-dir=" + dataDir,
                "--edgeforge.embedded-postgres.port=0",
                "--edgeforge.admin.email=bench@edgeforge.local", "--edgeforge.admin.password=bench-password-1",
                "--edgeforge.workers.embedded=false", "--logging.level.root=WARN",
                "--logging.level.dev.edgeforge=WARN", "--spring.main.banner-mode=off");
        try {
            System.out.printf(Locale.ROOT, "This disk: %.0f fsyncs/s (a stored sample costs three: its object, the "
                    + "object's directory, the row's commit)%n", fsyncsPerSecond(dataDir));
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            new IngestionBenchmark("http://localhost:" + port).run(context, clients, samples, rows);
        } finally {
            context.close();
            deleteRecursively(dataDir);
        }
    }

    private IngestionBenchmark(String base) {
        this.base = base;
    }

    private void run(ConfigurableApplicationContext context, int clients, int samples, int rows) throws Exception {
        String token = login();
        UUID projectId = UUID.fromString(post("/api/v1/projects", token, "{\"name\": \"bench\"}").get("id")
                .asString());
        String apiKey = post("/api/v1/projects/" + projectId + "/api-keys", token,
                "{\"name\": \"bench\", \"scopes\": [\"ingest\"]}").get("key").asString();
        ingestion(apiKey, clients, samples);

        UUID listProject = UUID.fromString(post("/api/v1/projects", token, "{\"name\": \"list bench\"}").get("id")
                .asString());
        insertRows(context.getBean(DataSource.class), context.getBean(ObjectStore.class), listProject, rows);
        listing(token, listProject, rows);
    }

    /* ---------- ingestion ---------- */

    private void ingestion(String apiKey, int clients, int samples) throws Exception {
        List<byte[]> messages = new ArrayList<>(samples);
        Random random = new Random(42);
        for (int i = 0; i < samples; i++) {
            messages.add(message(random));
        }
        int average = (int) messages.stream().mapToInt(m -> m.length).average().orElse(0);
        // warm up the server's code paths (JIT, connection pools) before timing
        for (int i = 0; i < 50; i++) {
            sendData(apiKey, message(random), "warmup." + i + ".json");
        }
        System.out.printf(Locale.ROOT, "%nIngestion: %d clients, %d Edge Impulse JSON samples of ~%d bytes to "
                + "POST /api/training/data%n", clients, samples, average);
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
                    int status = sendData(apiKey, messages.get(i), "bench." + i + ".json");
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
        System.out.printf(Locale.ROOT, "  %d samples in %.2f s: %.0f samples/s (%d failed)%n", samples, seconds,
                samples / seconds, failures);
        System.out.printf(Locale.ROOT, "  request latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99));
    }

    /** A distinct 3-axis accelerometer message of about 2 KB. */
    private static byte[] message(Random random) {
        int rows = 40;
        byte[] bytes;
        do {
            float[][] values = new float[3][rows];
            for (int a = 0; a < 3; a++) {
                for (int i = 0; i < rows; i++) {
                    values[a][i] = Math.round((float) random.nextGaussian() * 1000) / 100f;
                }
            }
            bytes = EiAcquisitionWriter.writeJson(SampleData.builder()
                    .setSensors(List.of(new Sensor("accX", "m/s2"), new Sensor("accY", "m/s2"),
                            new Sensor("accZ", "m/s2")))
                    .setIntervalMs(16).setValues(values).optDeviceName("bench-device").optDeviceType("BENCH")
                    .build(), EiSigning.none());
            rows += Math.max(1, (TARGET_MESSAGE_BYTES - bytes.length) / 40);
        } while (bytes.length < TARGET_MESSAGE_BYTES - 64);
        return bytes;
    }

    private int sendData(String apiKey, byte[] body, String fileName) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/training/data"))
                .header("x-api-key", apiKey).header("x-file-name", fileName)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(60)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /* ---------- listing at scale ---------- */

    /**
     * Inserts {@code rows} sample rows with {@code COPY}. They point at {@value #OBJECTS} objects really stored in
     * the object store (rows may share an object, as duplicate uploads do), so every row is a valid sample.
     */
    private void insertRows(DataSource dataSource, ObjectStore store, UUID projectId, int rows) throws Exception {
        System.out.printf(Locale.ROOT, "%nListing: inserting %,d sample rows with COPY%n", rows);
        long start = System.nanoTime();
        Random random = new Random(7);
        String[] shas = new String[OBJECTS];
        int[] lengths = new int[OBJECTS];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < OBJECTS; i++) {
            byte[] bytes = message(random);
            shas[i] = HexFormat.of().formatHex(sha256.digest(bytes));
            lengths[i] = bytes.length;
            store.put("projects/" + projectId + "/samples/" + shas[i], bytes);
        }
        String sensors = "[{\"name\":\"accX\",\"units\":\"m/s2\"},{\"name\":\"accY\",\"units\":\"m/s2\"},"
                + "{\"name\":\"accZ\",\"units\":\"m/s2\"}]";
        Instant newest = Instant.now();
        StringBuilder copy = new StringBuilder(rows * 400);
        for (int i = 0; i < rows; i++) {
            int object = random.nextInt(OBJECTS);
            int categoryDraw = random.nextInt(10);
            String category = categoryDraw < 8 ? "training" : categoryDraw < 9 ? "testing" : "anomaly";
            OffsetDateTime created = OffsetDateTime.ofInstant(newest.minusMillis((long) i * 37), ZoneOffset.UTC);
            copy.append(UUID.randomUUID()).append('\t').append(projectId).append('\t')
                    .append("bench-").append(i).append('\t').append(LABELS[random.nextInt(LABELS.length)]).append('\t')
                    .append(category).append('\t').append("JSON").append('\t').append(shas[object]).append('\t')
                    .append("projects/").append(projectId).append("/samples/").append(shas[object]).append('\t')
                    .append(lengths[object]).append('\t').append(sensors).append('\t')
                    .append("16\t62.5\t60\t960\t")
                    .append("device-").append(random.nextInt(20)).append("\tBENCH\t{}\t\\N\t\\N\t\\N\t[]\tNOT_SIGNED\t")
                    .append(random.nextInt(20) == 0 ? "f" : "t").append('\t').append(created).append('\t')
                    .append(created).append('\n');
        }
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copier = connection.unwrap(PGConnection.class).getCopyAPI();
            long copied = copier.copyIn("COPY sample (id, project_id, name, label, category, format, sha256, "
                    + "object_key, size_bytes, sensors, interval_ms, frequency_hz, length, duration_ms, device_name, "
                    + "device_type, metadata, image_width, image_height, image_channels, bounding_boxes, "
                    + "signature_status, enabled, created_at, updated_at) FROM STDIN",
                    new StringReader(copy.toString()));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE sample");
            }
            System.out.printf(Locale.ROOT, "  %,d rows in %.1f s%n", copied, (System.nanoTime() - start) / 1e9);
        }
    }

    private void listing(String token, UUID projectId, int rows) throws Exception {
        String samples = "/api/v1/projects/" + projectId + "/samples";
        report("first page (50)", time(samples + "?limit=50", token));
        String deep = cursorAt(samples + "?limit=1000", token, (int) (rows * 0.9) / 1000);
        report("page after " + String.format(Locale.ROOT, "%,d", (rows * 9 / 10)) + " rows (50)",
                time(samples + "?limit=50&cursor=" + deep, token));
        String filter = "label=wave&category=training";
        report("filtered first page (" + filter + ", 50)", time(samples + "?limit=50&" + filter, token));
        int filteredRows = countAll(samples + "?limit=1000&" + filter, token);
        String deepFiltered = cursorAt(samples + "?limit=1000&" + filter, token, Math.max(0, filteredRows / 1000 - 1));
        report("filtered page after " + String.format(Locale.ROOT, "%,d", Math.max(0, filteredRows / 1000 - 1) * 1000)
                + " of " + String.format(Locale.ROOT, "%,d", filteredRows) + " rows (50)",
                time(samples + "?limit=50&" + filter + (deepFiltered == null ? "" : "&cursor=" + deepFiltered), token));
        report("name search (name=bench-4242, 50)", time(samples + "?limit=50&name=bench-4242", token));
        report("device + enabled filter (device=device-3&enabled=false, 50)",
                time(samples + "?limit=50&device=device-3&enabled=false", token));
    }

    /** The cursor after {@code pages} pages of the query (null for 0 pages). */
    private String cursorAt(String query, String token, int pages) throws Exception {
        String cursor = null;
        for (int p = 0; p < pages; p++) {
            JsonNode page = get(query + (cursor == null ? "" : "&cursor=" + cursor), token);
            JsonNode next = page.get("next");
            if (next == null || next.isNull()) {
                break;
            }
            cursor = next.asString();
        }
        return cursor;
    }

    private int countAll(String query, String token) throws Exception {
        int count = 0;
        String cursor = null;
        do {
            JsonNode page = get(query + (cursor == null ? "" : "&cursor=" + cursor), token);
            count += page.get("items").size();
            JsonNode next = page.get("next");
            cursor = next == null || next.isNull() ? null : next.asString();
        } while (cursor != null);
        return count;
    }

    private long[] time(String path, String token) throws Exception {
        for (int i = 0; i < WARMUP_REQUESTS; i++) {
            get(path, token);
        }
        long[] latencies = new long[TIMED_REQUESTS];
        for (int i = 0; i < TIMED_REQUESTS; i++) {
            long t = System.nanoTime();
            get(path, token);
            latencies[i] = System.nanoTime() - t;
        }
        return latencies;
    }

    private static void report(String what, long[] latencies) {
        System.out.printf(Locale.ROOT, "  %-62s p50 %6.2f ms   p95 %6.2f ms%n", what, percentile(latencies, 50),
                percentile(latencies, 95));
    }

    /* ---------- HTTP ---------- */

    private String login() throws Exception {
        return post("/api/v1/auth/login", null,
                "{\"email\": \"bench@edgeforge.local\", \"password\": \"bench-password-1\"}").get("token").asString();
    }

    private JsonNode post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return answer(path, http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).GET().build();
        return answer(path, http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static JsonNode answer(String path, HttpResponse<String> response) {
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /* ---------- helpers ---------- */

    private static double percentile(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
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
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got " + arg
                        + " (options: --clients, --samples, --rows)");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
