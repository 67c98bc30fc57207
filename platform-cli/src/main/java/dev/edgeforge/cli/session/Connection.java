package dev.edgeforge.cli.session;

import dev.edgeforge.cli.http.Credentials;
import dev.edgeforge.cli.http.RestClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The platform a command talks to, resolved once: each setting from its option, else its environment variable, else
 * the configuration {@code login} wrote. The stored token is sent only to the address it was issued by, so
 * {@code --url} pointing elsewhere never leaks it.
 */
public final class Connection {

    public static final String DEFAULT_URL = "http://localhost:8080";

    private final RestClient client;
    private final Terminal terminal;
    private final Optional<CliConfig> config;
    private final boolean configCredentials;

    private Connection(RestClient client, Terminal terminal, Optional<CliConfig> config, boolean configCredentials) {
        this.client = client;
        this.terminal = terminal;
        this.config = config;
        this.configCredentials = configCredentials;
    }

    public static Connection open(ConnectionOptions options, Terminal terminal) {
        Optional<CliConfig> config = ConfigFile.of(terminal).read();
        URI url = url(options, terminal, config);
        Optional<CliConfig> sameServer = config.filter(c -> c.url() != null && url.equals(normalize(c.url())));
        Credentials credentials = explicitCredentials(options, terminal).orElse(null);
        boolean fromConfig = false;
        if (credentials == null && sameServer.isPresent() && sameServer.get().token() != null) {
            credentials = new Credentials.Bearer(sameServer.get().token());
            fromConfig = true;
        }
        if (credentials == null) {
            credentials = new Credentials.None();
        }
        return new Connection(new RestClient(url, credentials), terminal, sameServer, fromConfig);
    }

    public RestClient client() {
        return client;
    }

    /** Fails with a usage error naming the ways to sign in, when no credentials were found. */
    public RestClient signedIn() {
        if (client.credentials() instanceof Credentials.None) {
            throw new UsageException("not signed in to " + client.base() + ": run 'edgeforge cli login', or pass "
                    + "--token / --api-key (env EDGEFORGE_TOKEN / EDGEFORGE_API_KEY)");
        }
        return client;
    }

    /**
     * The project to work on: {@code --project}, else {@code EDGEFORGE_PROJECT}, else the one {@code login} stored
     * (when its token is the one in use), else the API key's own project (keys with the read or admin scope).
     */
    public UUID project(ProjectOption option) {
        signedIn();
        Optional<String> chosen = Optional.ofNullable(option.project)
                .filter(p -> !p.isBlank())
                .or(() -> terminal.env("EDGEFORGE_PROJECT"))
                .or(() -> configCredentials ? config.map(CliConfig::project) : Optional.empty());
        if (chosen.isPresent()) {
            return parseProject(chosen.get());
        }
        if (client.credentials() instanceof Credentials.ApiKey) {
            JsonNode projects = client.get("/api/v1/projects");
            if (projects != null && projects.size() == 1) {
                return UUID.fromString(projects.get(0).get("id").asString());
            }
            // the platform shows a key's project only to keys with the read or admin scope
            throw new UsageException("this API key does not show its project (an ingest-only key cannot read it): "
                    + "name the project with --project ID or EDGEFORGE_PROJECT");
        }
        throw new UsageException("name the project with --project ID or EDGEFORGE_PROJECT "
                + "('edgeforge cli projects' lists yours; 'edgeforge cli login --project ID' sets a default)");
    }

    public static UUID parseProject(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + value + "' is not a project id (a UUID such as "
                    + "3f2b8c1e-0a4d-4c6e-9b7a-2d5e8f1a0c3b; 'edgeforge cli projects' lists yours)");
        }
    }

    private static Optional<Credentials> explicitCredentials(ConnectionOptions options, Terminal terminal) {
        List<Credentials> given = new ArrayList<>();
        if (options.token != null && !options.token.isBlank()) {
            given.add(new Credentials.Bearer(options.token.strip()));
        }
        if (options.apiKey != null && !options.apiKey.isBlank()) {
            given.add(new Credentials.ApiKey(options.apiKey.strip()));
        }
        if (given.size() > 1) {
            throw new UsageException("pass either --token or --api-key, not both");
        }
        if (!given.isEmpty()) {
            return Optional.of(given.get(0));
        }
        Optional<String> token = terminal.env("EDGEFORGE_TOKEN");
        Optional<String> key = terminal.env("EDGEFORGE_API_KEY");
        if (token.isPresent() && key.isPresent()) {
            throw new UsageException("both EDGEFORGE_TOKEN and EDGEFORGE_API_KEY are set: unset one, or choose with "
                    + "--token / --api-key");
        }
        return token.<Credentials>map(Credentials.Bearer::new).or(() -> key.map(Credentials.ApiKey::new));
    }

    private static URI url(ConnectionOptions options, Terminal terminal, Optional<CliConfig> config) {
        String chosen = Optional.ofNullable(options.url)
                .filter(u -> !u.isBlank())
                .or(() -> terminal.env("EDGEFORGE_URL"))
                .or(() -> config.map(CliConfig::url))
                .orElse(DEFAULT_URL);
        return normalize(chosen);
    }

    /** The address without a trailing slash; only http and https. */
    public static URI normalize(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new UsageException("'" + url + "' is not a URL (e.g. http://localhost:8080)");
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new UsageException("'" + url + "' is not an http or https URL (e.g. http://localhost:8080)");
        }
        return uri;
    }
}
