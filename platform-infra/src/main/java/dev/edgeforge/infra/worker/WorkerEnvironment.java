package dev.edgeforge.infra.worker;

import dev.edgeforge.infra.storage.ObjectStoreSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a standalone worker needs to know, read from environment variables named as the server's Spring properties
 * are, so one docker-compose/Kubernetes environment block serves every service.
 *
 * @param jdbcUrl      {@code SPRING_DATASOURCE_URL}, required
 * @param username     {@code SPRING_DATASOURCE_USERNAME}
 * @param password     {@code SPRING_DATASOURCE_PASSWORD}
 * @param storage      {@code EDGEFORGE_STORAGE_KIND} ({@code filesystem} with {@code EDGEFORGE_STORAGE_ROOT} or
 *                     {@code <EDGEFORGE_DATA_DIR>/objects}; {@code s3} with {@code EDGEFORGE_STORAGE_S3_*})
 * @param concurrency  {@code EDGEFORGE_WORKERS_CONCURRENCY}, jobs run at once (default 1)
 * @param workDir      {@code EDGEFORGE_WORK_DIR}, scratch space for builds (default the system temp dir)
 * @param leaseDuration {@code EDGEFORGE_WORKERS_LEASE_SECONDS}, how long a claimed job stays leased without a
 *                     heartbeat, i.e. how soon another worker takes over the jobs of a worker that died (default
 *                     {@link #DEFAULT_LEASE}; at least {@value #MIN_LEASE_SECONDS} s)
 */
public record WorkerEnvironment(
        String jdbcUrl,
        String username,
        String password,
        ObjectStoreSettings storage,
        int concurrency,
        Path workDir,
        Duration leaseDuration) {

    /** The lease of {@link dev.edgeforge.infra.job.JobWorkerSettings}' default. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** Shortest lease accepted: the heartbeat must fit three times into it with room for a slow query. */
    public static final int MIN_LEASE_SECONDS = 3;

    public WorkerEnvironment {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        if (concurrency < 1) {
            throw new IllegalArgumentException("EDGEFORGE_WORKERS_CONCURRENCY must be at least 1, got " + concurrency);
        }
        if (leaseDuration.compareTo(Duration.ofSeconds(MIN_LEASE_SECONDS)) < 0) {
            throw new IllegalArgumentException("EDGEFORGE_WORKERS_LEASE_SECONDS must be at least " + MIN_LEASE_SECONDS
                    + ", got " + leaseDuration.toSeconds());
        }
    }

    /** An environment with the default lease. */
    public WorkerEnvironment(
            String jdbcUrl,
            String username,
            String password,
            ObjectStoreSettings storage,
            int concurrency,
            Path workDir) {
        this(jdbcUrl, username, password, storage, concurrency, workDir, DEFAULT_LEASE);
    }

    /** Reads the variables; a missing required one is named in the exception. */
    public static WorkerEnvironment from(Map<String, String> env) {
        String url = env.get("SPRING_DATASOURCE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("SPRING_DATASOURCE_URL is not set: a standalone worker needs the "
                    + "server's PostgreSQL, e.g. jdbc:postgresql://postgres:5432/edgeforge");
        }
        String kind = env.getOrDefault("EDGEFORGE_STORAGE_KIND", "filesystem");
        ObjectStoreSettings storage = switch (ObjectStoreSettings.Type.parse(kind)) {
            case FILESYSTEM ->
                ObjectStoreSettings.fileSystem(
                        env.containsKey("EDGEFORGE_STORAGE_ROOT")
                                ? Path.of(env.get("EDGEFORGE_STORAGE_ROOT"))
                                : Path.of(env.getOrDefault("EDGEFORGE_DATA_DIR", "./data"))
                                        .resolve("objects"));
            case S3 ->
                ObjectStoreSettings.s3(
                        required(env, "EDGEFORGE_STORAGE_S3_ENDPOINT"),
                        required(env, "EDGEFORGE_STORAGE_S3_ACCESS_KEY"),
                        required(env, "EDGEFORGE_STORAGE_S3_SECRET_KEY"),
                        env.getOrDefault("EDGEFORGE_STORAGE_S3_BUCKET", "edgeforge"),
                        env.get("EDGEFORGE_STORAGE_S3_REGION"));
        };
        int concurrency;
        try {
            concurrency = Integer.parseInt(
                    env.getOrDefault("EDGEFORGE_WORKERS_CONCURRENCY", "1").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EDGEFORGE_WORKERS_CONCURRENCY must be a whole number, got '"
                    + env.get("EDGEFORGE_WORKERS_CONCURRENCY") + "'");
        }
        Path workDir = Path.of(env.getOrDefault("EDGEFORGE_WORK_DIR", System.getProperty("java.io.tmpdir")));
        return new WorkerEnvironment(
                url,
                env.get("SPRING_DATASOURCE_USERNAME"),
                env.get("SPRING_DATASOURCE_PASSWORD"),
                storage,
                concurrency,
                workDir,
                leaseDuration(env));
    }

    private static Duration leaseDuration(Map<String, String> env) {
        String value = env.get("EDGEFORGE_WORKERS_LEASE_SECONDS");
        if (value == null || value.isBlank()) {
            return DEFAULT_LEASE;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "EDGEFORGE_WORKERS_LEASE_SECONDS must be a whole number of seconds, " + "got '" + value + "'");
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set (required with EDGEFORGE_STORAGE_KIND=s3)");
        }
        return value;
    }

    @Override
    public String toString() {
        return "WorkerEnvironment[jdbcUrl=" + jdbcUrl + ", username=" + username + ", storage=" + storage
                + ", concurrency=" + concurrency + ", workDir=" + workDir + ", leaseDuration=" + leaseDuration + "]";
    }
}
