package dev.edgeforge.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.TemporaryDataDirectory;
import dev.edgeforge.api.support.TestUsers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * First start without EDGEFORGE_ADMIN_PASSWORD: a password is generated, logged once, and works. Its own context
 * (and database), since the shared one is configured with an administrator password.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"edgeforge.embedded-postgres.port=0", "edgeforge.admin.email=first-admin@it.edgeforge.test"})
@ContextConfiguration(initializers = TemporaryDataDirectory.class)
class GeneratedAdminPasswordIT {

    @LocalServerPort
    int port;

    @Test
    void theGeneratedPasswordIsLoggedOnceAndSignsTheAdministratorIn(CapturedOutput output) {
        Matcher matcher = Pattern.compile("email:\\s+first-admin@it\\.edgeforge\\.test\\s+password:\\s+(\\S+)")
                .matcher(output.getAll());
        assertThat(matcher.find()).as("the generated password is logged").isTrue();
        String password = matcher.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(matcher.find()).as("logged only once").isFalse();

        ApiClient client = ApiClient.stateless(port);
        String token = TestUsers.login(client, "first-admin@it.edgeforge.test", password);
        ApiClient.Response me = client.get("/api/v1/auth/me", ApiClient.Auth.bearer(token));
        assertThat(me.json().path("admin").asBoolean()).isTrue();
    }
}
