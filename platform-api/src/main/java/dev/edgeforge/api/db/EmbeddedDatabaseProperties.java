package dev.edgeforge.api.db;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL ({@code edgeforge.*}).
 *
 * @param dataDir          root of all local data ({@code edgeforge.data-dir}); PostgreSQL keeps its files
 *                         in {@code <dataDir>/postgres}
 * @param embeddedPostgres port and database name ({@code edgeforge.embedded-postgres.*})
 */
@ConfigurationProperties(prefix = "edgeforge")
record EmbeddedDatabaseProperties(
        @DefaultValue("./data") Path dataDir, @DefaultValue EmbeddedPostgresSettings embeddedPostgres) {

    /**
     * @param port     TCP port on localhost; 0 picks a free port (tests)
     * @param database name of the database the application uses, created on first start
     */
    record EmbeddedPostgresSettings(
            @DefaultValue("54329") int port,
            @DefaultValue("edgeforge") String database) {}

    Path postgresDirectory() {
        return dataDir.resolve("postgres").toAbsolutePath().normalize();
    }
}
