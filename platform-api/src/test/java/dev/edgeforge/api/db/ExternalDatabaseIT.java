package dev.edgeforge.api.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.TemporaryDataDirectory;
import dev.edgeforge.infra.db.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Setting {@code spring.datasource.url} (SPRING_DATASOURCE_URL) switches to an external PostgreSQL: the embedded one
 * never starts and the data lands in the external database. The "external" server here is a separate PostgreSQL
 * process started by the test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "edgeforge.admin.email=external-admin@it.edgeforge.test",
            "edgeforge.admin.password=external-admin-pw"
        })
@ContextConfiguration(initializers = TemporaryDataDirectory.class)
class ExternalDatabaseIT {

    private static EmbeddedPostgres external;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Value("${edgeforge.data-dir}")
    Path dataDir;

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    private static synchronized EmbeddedPostgres server() {
        if (external == null) {
            try {
                // a throw-away server the JVM's shutdown hook stops; it stands in for a PostgreSQL elsewhere
                external = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return external;
    }

    @Test
    void theExternalDatabaseIsUsedAndNoEmbeddedOneStarts() throws Exception {
        assertThat(context.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
        assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();

        ApiClient client = ApiClient.stateless(port);
        ApiClient.Auth admin = ApiClient.Auth.bearer(client.post(
                        "/api/v1/auth/login",
                        Map.of("email", "external-admin@it.edgeforge.test", "password", "external-admin-pw"),
                        ApiClient.Auth.none())
                .text("token"));
        ApiClient.Response created = client.post(
                "/api/v1/admin/accounts",
                Map.of("email", "external@it.edgeforge.test", "password", "external-pw-1"),
                admin);
        assertThat(created.status()).isEqualTo(201);

        try (Connection connection = server().getPostgresDatabase().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM user_account WHERE email IN (?, ?)")) {
            query.setString(1, "external@it.edgeforge.test");
            query.setString(2, "external-admin@it.edgeforge.test");
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }
    }
}
