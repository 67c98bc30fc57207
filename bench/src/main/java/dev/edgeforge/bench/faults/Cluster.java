package dev.edgeforge.bench.faults;

import dev.edgeforge.infra.db.EmbeddedDatabase;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.infra.storage.ObjectStoreSettings;
import dev.edgeforge.infra.storage.ObjectStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The distributed platform as separate processes on this machine, each started as an operator would: PostgreSQL (the
 * embedded binaries on a kept data directory and a fixed port, i.e. an external server to everyone else), S3Proxy in
 * its own JVM over a folder (so it keeps its objects when it is stopped), the server alone ({@code
 * EdgeForgeApplication} with {@code EDGEFORGE_WORKERS_EMBEDDED=false}), two training workers and a firmware builder,
 * all configured by the environment variables of README's "Configuration".
 */
final class Cluster implements AutoCloseable {

    static final String DATABASE = "edgeforge";
    static final String BUCKET = "edgeforge";
    static final String ADMIN_EMAIL = "faults@edgeforge.local";

    private final Path dir;
    private final Duration lease;
    private final Duration orphanGrace;
    private final int postgresPort = freePort();
    private final int s3Port = freePort();
    private final int serverPort = freePort();
    private final int managementPort = freePort();
    private final String s3Identity = "faults-" + UUID.randomUUID().toString().substring(0, 8);
    private final String s3Credential = UUID.randomUUID().toString();
    private final String adminPassword = UUID.randomUUID().toString();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private EmbeddedDatabase postgres;
    private JavaProcess s3;
    private JavaProcess server;
    private final List<JavaProcess> trainingWorkers = new ArrayList<>();
    private JavaProcess firmwareBuilder;
    private int started;

    Cluster(Path dir, Duration lease, Duration orphanGrace) {
        this.dir = dir;
        this.lease = lease;
        this.orphanGrace = orphanGrace;
    }

    /** Starts everything and waits until the server is ready. */
    void start() throws Exception {
        startPostgres();
        postgres.createDatabaseIfMissing(DATABASE);
        startObjectStore();
        startServer();
        awaitServerReady(Duration.ofMinutes(10));
        // workers start once the server has migrated the database
        trainingWorkers.add(startWorker("training-worker", "dev.edgeforge.training.TrainingWorkerApplication"));
        trainingWorkers.add(startWorker("training-worker", "dev.edgeforge.training.TrainingWorkerApplication"));
        firmwareBuilder = startWorker("firmware-builder", "dev.edgeforge.firmware.FirmwareBuilderApplication");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + serverPort;
    }

    String adminEmail() {
        return ADMIN_EMAIL;
    }

    String adminPassword() {
        return adminPassword;
    }

    Duration lease() {
        return lease;
    }

    /** The platform's database, for the checks (reconnects to whichever PostgreSQL runs on the port). */
    DataSource dataSource() {
        return postgres.dataSource(DATABASE);
    }

    /** The bucket as the platform sees it. */
    ObjectStore objectStore() {
        return ObjectStores.create(ObjectStoreSettings.s3(s3Endpoint(), s3Identity, s3Credential, BUCKET, null));
    }

    List<JavaProcess> trainingWorkers() {
        return List.copyOf(trainingWorkers);
    }

    Path logDir() {
        return dir.resolve("logs");
    }

    /** SIGKILL of a training worker, and a new one in its place (the operator's supervisor restarts it). */
    void killAndReplaceTrainingWorker(JavaProcess worker) throws Exception {
        worker.kill9();
        trainingWorkers.remove(worker);
        trainingWorkers.add(startWorker("training-worker", "dev.edgeforge.training.TrainingWorkerApplication"));
    }

    /** SIGKILL of the server, then the same server started again; returns when it is ready. */
    void killAndRestartServer() throws Exception {
        server.kill9();
        startServer();
        awaitServerReady(Duration.ofMinutes(10));
    }

    /** A fast shutdown of PostgreSQL and a start on the same data and port, as an operator's restart does. */
    Duration restartPostgres() {
        long begin = System.nanoTime();
        postgres.close();
        startPostgres();
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** Stops the S3 server process (connections are refused while it is away). */
    void stopObjectStore() throws InterruptedException {
        s3.kill9();
    }

    void startObjectStore() throws Exception {
        Path properties = dir.resolve("s3proxy.properties");
        Files.createDirectories(dir.resolve("s3"));
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + s3Port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + s3Identity,
                        "s3proxy.credential=" + s3Credential,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + dir.resolve("s3"),
                        "jclouds.identity=" + s3Identity,
                        "jclouds.credential=" + s3Credential,
                        ""));
        s3 = JavaProcess.start(
                "s3proxy",
                "org.gaul.s3proxy.Main",
                List.of("-Xmx256m"),
                Map.of(),
                List.of("--properties", properties.toString()),
                logDir());
        awaitPort(s3Port, Duration.ofMinutes(2), s3);
    }

    private void startPostgres() {
        postgres = EmbeddedDatabase.builder()
                .optDataDirectory(dir.resolve("postgres"))
                .optPort(postgresPort)
                .optStartupTimeout(Duration.ofMinutes(2))
                .build();
    }

    private String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    private Map<String, String> commonEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(DATABASE));
        env.put("SPRING_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.put("SPRING_DATASOURCE_PASSWORD", postgres.password().orElseThrow());
        env.put("EDGEFORGE_STORAGE_KIND", "s3");
        env.put("EDGEFORGE_STORAGE_S3_ENDPOINT", s3Endpoint());
        env.put("EDGEFORGE_STORAGE_S3_ACCESS_KEY", s3Identity);
        env.put("EDGEFORGE_STORAGE_S3_SECRET_KEY", s3Credential);
        env.put("EDGEFORGE_STORAGE_S3_BUCKET", BUCKET);
        env.put("EDGEFORGE_WORKERS_LEASE_SECONDS", Long.toString(lease.toSeconds()));
        return env;
    }

    private void startServer() throws IOException {
        Map<String, String> env = commonEnvironment();
        env.put("EDGEFORGE_DATA_DIR", dir.resolve("server").toString());
        env.put("EDGEFORGE_WORKERS_EMBEDDED", "false");
        env.put("EDGEFORGE_ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("EDGEFORGE_ADMIN_PASSWORD", adminPassword);
        env.put("SERVER_PORT", Integer.toString(serverPort));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        env.put("EDGEFORGE_DATASETS_ORPHAN_GRACE_PERIOD", orphanGrace.toSeconds() + "s");
        env.put("EDGEFORGE_DATASETS_ORPHAN_SWEEP_INTERVAL", Math.max(5, orphanGrace.toSeconds() / 2) + "s");
        server = JavaProcess.start(
                "server-" + (++started),
                "dev.edgeforge.api.EdgeForgeApplication",
                List.of("-Xmx1g"),
                env,
                List.of(),
                logDir());
    }

    private JavaProcess startWorker(String service, String mainClass) throws IOException {
        Map<String, String> env = commonEnvironment();
        String name = service + "-" + (++started);
        Path work = Files.createDirectories(dir.resolve("work").resolve(name));
        env.put("EDGEFORGE_WORK_DIR", work.toString());
        return JavaProcess.start(
                name, mainClass, List.of("-Xmx768m", "-Dai.djl.offline=true"), env, List.of(), logDir());
    }

    /** Waits until the server's readiness (database and object store) is UP. */
    void awaitServerReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited; see " + server.logFile());
            }
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not ready within " + limit + "; see " + server.logFile());
    }

    private static void awaitPort(int port, Duration limit, JavaProcess process) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process + " exited; see " + process.logFile());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException(process + " did not listen on " + port + " within " + limit);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws Exception {
        List<JavaProcess> all = new ArrayList<>(trainingWorkers);
        all.add(firmwareBuilder);
        all.add(server);
        all.add(s3);
        for (JavaProcess process : all) {
            if (process != null) {
                process.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
