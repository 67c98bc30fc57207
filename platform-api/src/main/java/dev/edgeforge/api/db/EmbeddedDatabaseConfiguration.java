package dev.edgeforge.api.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.edgeforge.infra.db.EmbeddedDatabase;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: a real PostgreSQL (zonky binaries, started by platform-infra's {@link EmbeddedDatabase},
 * which also clears what a {@code kill -9} left behind) whose files live in {@code <edgeforge.data-dir>/postgres}
 * and are kept between restarts. Active only while {@code spring.datasource.url} is unset; setting
 * {@code SPRING_DATASOURCE_URL}/{@code _USERNAME}/{@code _PASSWORD} switches to an external PostgreSQL and Spring
 * Boot's own DataSource auto-configuration takes over.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnNoExternalDatabaseCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) {
        Path directory = properties.postgresDirectory();
        return EmbeddedDatabase.builder()
                .optDataDirectory(directory)
                .optPort(properties.embeddedPostgres().port())
                // listen on loopback only: the embedded database trusts every local connection
                .optServerConfig("listen_addresses", "localhost")
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
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
