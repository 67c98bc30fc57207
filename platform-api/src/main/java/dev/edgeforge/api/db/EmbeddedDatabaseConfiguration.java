package dev.edgeforge.api.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real PostgreSQL (zonky binaries) whose files live in {@code <edgeforge.data-dir>/postgres}
 * and are kept between restarts. Active only while {@code spring.datasource.url} is unset; setting
 * {@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD} switches to an external PostgreSQL and Spring
 * Boot's own DataSource auto-configuration takes over.
 *
 * <p>NOTE for the lead: platform-infra is getting an embedded PostgreSQL launcher shared with the workers; once it
 * lands this class may move there (or shrink to calling that launcher). Until then the server starts the database
 * itself here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnNoExternalDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    private static final String SUPERUSER = "postgres";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        Path directory = properties.postgresDirectory();
        Files.createDirectories(directory.getParent());
        new StalePostmasterCleaner(Duration.ofSeconds(30)).prepare(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // listen on loopback only: the embedded database trusts every local connection
                .setServerConfig("listen_addresses", "localhost")
                // zonky defaults to test settings (no fsync); this database keeps real data between runs
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        int port = properties.embeddedPostgres().port();
        if (port != 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), directory);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
        String database = properties.embeddedPostgres().database();
        createDatabaseIfMissing(postgres.getPostgresDatabase(), database);
        HikariConfig config = new HikariConfig();
        config.setPoolName("edgeforge-embedded");
        config.setJdbcUrl(postgres.getJdbcUrl(SUPERUSER, database));
        config.setUsername(SUPERUSER);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(DataSource maintenance, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("edgeforge.embedded-postgres.database must be a lower-case SQL "
                    + "identifier (letters, digits, underscore), got '" + database + "'");
        }
        try (Connection connection = maintenance.getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // identifiers cannot be bound as parameters; the name was checked against a strict pattern above
                create.execute("CREATE DATABASE " + database);
            }
            log.info("Created database '{}' in the embedded PostgreSQL", database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the embedded database '" + database + "'", e);
        }
    }
}
