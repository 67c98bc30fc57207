package dev.edgeforge.infra.worker;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import dev.edgeforge.infra.storage.ObjectStoreSettings;

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
 */
public record WorkerEnvironment(String jdbcUrl, String username, String password, ObjectStoreSettings storage,
                                int concurrency, Path workDir) {

    public WorkerEnvironment {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(storage, "storage");
        if (concurrency < 1) {
            throw new IllegalArgumentException("EDGEFORGE_WORKERS_CONCURRENCY must be at least 1, got " + concurrency);
        }
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
            case FILESYSTEM -> ObjectStoreSettings.fileSystem(env.containsKey("EDGEFORGE_STORAGE_ROOT")
                    ? Path.of(env.get("EDGEFORGE_STORAGE_ROOT"))
                    : Path.of(env.getOrDefault("EDGEFORGE_DATA_DIR", "./data")).resolve("objects"));
            case S3 -> ObjectStoreSettings.s3(required(env, "EDGEFORGE_STORAGE_S3_ENDPOINT"),
                    required(env, "EDGEFORGE_STORAGE_S3_ACCESS_KEY"), required(env, "EDGEFORGE_STORAGE_S3_SECRET_KEY"),
                    env.getOrDefault("EDGEFORGE_STORAGE_S3_BUCKET", "edgeforge"), env.get("EDGEFORGE_STORAGE_S3_REGION"));
        };
        int concurrency;
        try {
            concurrency = Integer.parseInt(env.getOrDefault("EDGEFORGE_WORKERS_CONCURRENCY", "1").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("EDGEFORGE_WORKERS_CONCURRENCY must be a whole number, got '"
                    + env.get("EDGEFORGE_WORKERS_CONCURRENCY") + "'");
        }
        Path workDir = Path.of(env.getOrDefault("EDGEFORGE_WORK_DIR", System.getProperty("java.io.tmpdir")));
        return new WorkerEnvironment(url, env.get("SPRING_DATASOURCE_USERNAME"), env.get("SPRING_DATASOURCE_PASSWORD"),
                storage, concurrency, workDir);
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
                + ", concurrency=" + concurrency + ", workDir=" + workDir + "]";
    }
}
