package dev.edgeforge.cli.account;

import dev.edgeforge.cli.http.Credentials;
import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.session.CliConfig;
import dev.edgeforge.cli.session.ConfigFile;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.Terminal;
import dev.edgeforge.cli.session.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * Signs in and keeps a personal access token in the configuration file: with email and password (the short-lived
 * login token they give is exchanged for a personal token made for this CLI, then revoked), or with a token made
 * on the Account page.
 */
@Command(
        name = "login",
        description = "Sign in and store a personal access token for the next commands (owner-only file "
                + "~/.config/edgeforge/config.json, or EDGEFORGE_CONFIG).")
public final class LoginCommand implements Callable<Integer> {

    @Option(names = "--url", paramLabel = "URL", description = "The platform's address (env EDGEFORGE_URL).")
    String url;

    @Option(names = "--email", paramLabel = "EMAIL", description = "The account's email (env EDGEFORGE_EMAIL).")
    String email;

    @Option(
            names = "--password-stdin",
            description = "Read the password from the first line of standard input (else env EDGEFORGE_PASSWORD, "
                    + "else a prompt on a terminal).")
    boolean passwordStdin;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "Store this personal access token instead of signing in with a password.")
    String token;

    @Option(
            names = "--token-name",
            paramLabel = "NAME",
            description = "Name of the personal token to create (default: 'edgeforge cli on <host>').")
    String tokenName;

    @Option(
            names = "--expires-in-days",
            paramLabel = "DAYS",
            description = "Lifetime of the personal token, 1 to 365 (default: the server's, 90).")
    Integer expiresInDays;

    @Option(names = "--project", paramLabel = "ID", description = "Store this project as the default.")
    String project;

    private final Terminal terminal;

    public LoginCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        ConfigFile file = ConfigFile.of(terminal);
        Optional<CliConfig> previous = file.read();
        URI base = Connection.normalize(Optional.ofNullable(url)
                .or(() -> terminal.env("EDGEFORGE_URL"))
                .or(() -> previous.map(CliConfig::url))
                .orElse(Connection.DEFAULT_URL));
        RestClient anonymous = new RestClient(base, new Credentials.None());
        CliConfig config = token != null ? storeGiven(anonymous) : signIn(anonymous);
        if (project != null) {
            UUID id = Connection.parseProject(project);
            anonymous.with(new Credentials.Bearer(config.token())).get("/api/v1/projects/" + id);
            config = config.withProject(id.toString());
        } else if (previous.isPresent()
                && base.toString().equals(previous.get().url())
                && config.email().equalsIgnoreCase(String.valueOf(previous.get().email()))) {
            config = config.withProject(previous.get().project());
        }
        file.write(config);
        terminal.err()
                .printf(
                        "signed in to %s as %s; token expires %s; stored in %s%n",
                        base, config.email(), config.expiresAt() == null ? "never" : config.expiresAt(), file.path());
        if (config.project() != null) {
            terminal.err().printf("default project %s%n", config.project());
        }
        return 0;
    }

    private CliConfig storeGiven(RestClient anonymous) {
        if (email != null || passwordStdin) {
            throw new UsageException("--token stores a token as it is: leave out --email and --password-stdin");
        }
        JsonNode me = anonymous.with(new Credentials.Bearer(token.strip())).get("/api/v1/auth/me");
        return new CliConfig(
                anonymous.base().toString(), RestClient.text(me, "email"), token.strip(), null, null, null);
    }

    private CliConfig signIn(RestClient anonymous) throws IOException {
        String account = Optional.ofNullable(email)
                .or(() -> terminal.env("EDGEFORGE_EMAIL"))
                .orElseThrow(() -> new UsageException("pass --email (or EDGEFORGE_EMAIL), or --token"));
        String password = password();
        JsonNode login = anonymous.post("/api/v1/auth/login", Map.of("email", account, "password", password));
        RestClient loginSession = anonymous.with(new Credentials.Bearer(RestClient.text(login, "token")));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", tokenName != null ? tokenName : "edgeforge cli on " + hostName());
        if (expiresInDays != null) {
            request.put("expiresInDays", expiresInDays);
        }
        JsonNode personal = loginSession.post("/api/v1/tokens", request);
        // the login token lives 30 days and would be a second secret to leak: revoke it now that it served
        for (JsonNode listed : loginSession.get("/api/v1/tokens")) {
            if (listed.path("current").asBoolean(false)) {
                loginSession.delete("/api/v1/tokens/" + listed.get("id").asString());
            }
        }
        return new CliConfig(
                anonymous.base().toString(),
                account,
                RestClient.text(personal, "token"),
                RestClient.text(personal, "id"),
                RestClient.text(personal, "expiresAt"),
                null);
    }

    private String password() throws IOException {
        if (passwordStdin) {
            String line = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException("--password-stdin: standard input holds no password");
            }
            return line;
        }
        return terminal.env("EDGEFORGE_PASSWORD")
                .or(() -> terminal.readSecret("Password: ").map(String::new))
                .orElseThrow(() -> new UsageException(
                        "no password: pass --password-stdin, set EDGEFORGE_PASSWORD, or run on a terminal"));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this machine";
        }
    }
}
