package dev.edgeforge.api.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.edgeforge.infra.db.EmbeddedDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real PostgreSQL (zonky binaries, started by platform-infra's {@link EmbeddedDatabase},
 * which also clears what a {@code kill -9} left behind) whose files live in {@code <edgeforge.data-dir>/postgres}
 * and are kept between restarts. It listens on loopback only and demands the superuser password that it generated
 * on the first start and keeps owner-only in {@code <edgeforge.data-dir>/postgres.password}. Active only while
 * {@code spring.datasource.url} is unset; setting {@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD}
 * switches to an external PostgreSQL and Spring Boot's own DataSource auto-configuration takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnNoExternalDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    /** How long a request waits for a connection of the embedded database's pool. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
        Path directory = properties.postgresDirectory();
        return EmbeddedDatabase.builder()
                .optDataDirectory(directory)
                .optPort(properties.embeddedPostgres().port())
                .build();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase database, EmbeddedDatabaseProperties properties) {
        String name = properties.embeddedPostgres().database();
        database.createDatabaseIfMissing(name);
        HikariConfig config = new HikariConfig();
        config.setPoolName("edgeforge-embedded");
        config.setJdbcUrl(database.jdbcUrl(name));
        config.setUsername(EmbeddedDatabase.USER);
        config.setPassword(database.password()
                .orElseThrow(() -> new IllegalStateException("a kept embedded database always has a password")));
        config.setMaximumPoolSize(10);
        // as application.yml sets for an external database: a caller gets a 503 within seconds while PostgreSQL is
        // away, instead of waiting 30 s for a connection
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(1000);
        config.addDataSourceProperty("connectTimeout", Long.toString(CONNECTION_TIMEOUT.toSeconds()));
        return new HikariDataSource(config);
    }
}
