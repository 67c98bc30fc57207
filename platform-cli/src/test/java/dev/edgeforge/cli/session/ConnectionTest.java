package dev.edgeforge.cli.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.cli.http.Credentials;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTest {

    private static final String PROJECT = "3f2b8c1e-0a4d-4c6e-9b7a-2d5e8f1a0c3b";

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    @Test
    void optionsBeatEnvironmentWhichBeatsTheConfiguration() {
        storeLogin("http://platform.test:8080", "stored-token", PROJECT);
        env.put("EDGEFORGE_URL", "http://platform.test:8080/");
        env.put("EDGEFORGE_TOKEN", "env-token");

        ConnectionOptions options = new ConnectionOptions();
        assertThat(open(options).client().credentials()).isEqualTo(new Credentials.Bearer("env-token"));
        assertThat(open(options).client().base()).isEqualTo(URI.create("http://platform.test:8080"));

        options.apiKey = "ei_key";
        assertThat(open(options).client().credentials()).isEqualTo(new Credentials.ApiKey("ei_key"));

        env.remove("EDGEFORGE_TOKEN");
        assertThat(open(new ConnectionOptions()).client().credentials())
                .isEqualTo(new Credentials.Bearer("stored-token"));
    }

    @Test
    void theStoredTokenIsNeverSentToAnotherServer() {
        storeLogin("http://platform.test:8080", "stored-token", PROJECT);
        ConnectionOptions options = new ConnectionOptions();
        options.url = "http://elsewhere.test";

        Connection connection = open(options);

        assertThat(connection.client().credentials()).isEqualTo(new Credentials.None());
        assertThatThrownBy(connection::signedIn)
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not signed in to http://elsewhere.test");
    }

    @Test
    void theProjectComesFromTheOptionTheEnvironmentOrTheLogin() {
        storeLogin("http://platform.test:8080", "stored-token", PROJECT);
        ProjectOption option = new ProjectOption();
        assertThat(open(new ConnectionOptions()).project(option)).isEqualTo(UUID.fromString(PROJECT));

        String other = UUID.randomUUID().toString();
        env.put("EDGEFORGE_PROJECT", other);
        assertThat(open(new ConnectionOptions()).project(option)).isEqualTo(UUID.fromString(other));

        option.project = "not-a-project";
        assertThatThrownBy(() -> open(new ConnectionOptions()).project(option))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("'not-a-project' is not a project id");
    }

    @Test
    void aStoredDefaultProjectDoesNotFollowAnotherCredential() {
        storeLogin("http://platform.test:8080", "stored-token", PROJECT);
        ConnectionOptions options = new ConnectionOptions();
        options.token = "someone-elses";

        assertThatThrownBy(() -> open(options).project(new ProjectOption()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--project ID");
    }

    @Test
    void contradictingCredentialsAreAUsageError() {
        ConnectionOptions options = new ConnectionOptions();
        options.token = "t";
        options.apiKey = "k";
        assertThatThrownBy(() -> open(options)).isInstanceOf(UsageException.class);

        env.put("EDGEFORGE_TOKEN", "t");
        env.put("EDGEFORGE_API_KEY", "k");
        assertThatThrownBy(() -> open(new ConnectionOptions()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("both EDGEFORGE_TOKEN and EDGEFORGE_API_KEY");
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        ConnectionOptions options = new ConnectionOptions();
        options.url = "ftp://platform.test";
        assertThatThrownBy(() -> open(options)).isInstanceOf(UsageException.class);
        options.url = "localhost:8080";
        assertThatThrownBy(() -> open(options)).isInstanceOf(UsageException.class);
    }

    @Test
    void theConfigurationIsWrittenOwnerOnlyInAFolderOfItsOwn() throws Exception {
        Path file = home.resolve("config-home").resolve("edgeforge").resolve("config.json");
        env.put("XDG_CONFIG_HOME", home.resolve("config-home").toString());
        ConfigFile config = ConfigFile.of(terminal());
        assertThat(config.path()).isEqualTo(file);

        config.write(new CliConfig("http://platform.test", "a@b.test", "secret", "id", null, null));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(config.read())
                .hasValueSatisfying(read -> assertThat(read.token()).isEqualTo("secret"));
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void aConfigurationWithLooserPermissionsIsTakenBackToOwnerOnlyWhenRead() throws Exception {
        storeLogin("http://platform.test:8080", "stored-token", PROJECT);
        Path file = Path.of(env.get("EDGEFORGE_CONFIG"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(ConfigFile.of(terminal()).read()).isPresent();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void secretsNeverAppearInTheTextOfCredentialsOrTheConfiguration() {
        CliConfig config = new CliConfig("http://platform.test", "a@b.test", "ef_pat_secret", "id", null, PROJECT);

        assertThat(config.toString()).doesNotContain("ef_pat_secret").contains("a@b.test", PROJECT);
        assertThat(new Credentials.Bearer("ef_pat_secret").toString()).doesNotContain("ef_pat_secret");
        assertThat(new Credentials.ApiKey("ei_secret").toString()).doesNotContain("ei_secret");
    }

    private void storeLogin(String url, String token, String project) {
        Path file = home.resolve("config.json");
        env.put("EDGEFORGE_CONFIG", file.toString());
        new ConfigFile(file).write(new CliConfig(url, "me@platform.test", token, null, null, project));
    }

    private Connection open(ConnectionOptions options) {
        return Connection.open(options, terminal());
    }

    private Terminal terminal() {
        return new Terminal(
                env,
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }
}
