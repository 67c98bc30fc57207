package dev.edgeforge.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole server on a random port against a real embedded PostgreSQL in a fresh temporary data directory.
 * Every test class with this annotation (and nothing else that changes the configuration) shares one Spring
 * context, hence one database: tests create their own users and projects and never assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "edgeforge.embedded-postgres.port=0",
            "edgeforge.admin.email=" + IntegrationTest.ADMIN_EMAIL,
            "edgeforge.admin.password=" + IntegrationTest.ADMIN_PASSWORD
        })
@ContextConfiguration(initializers = TemporaryDataDirectory.class)
public @interface IntegrationTest {

    /** The first administrator, created from configuration as EDGEFORGE_ADMIN_EMAIL/PASSWORD would. */
    String ADMIN_EMAIL = "Admin@IT.edgeforge.test";

    String ADMIN_PASSWORD = "it-admin-password-1";
}
