package dev.edgeforge.cli.project;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.ProjectOption;
import dev.edgeforge.cli.session.Terminal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** A project's API keys: make one for a device or a pipeline. */
@Command(name = "api-keys", description = "A project's API keys.", subcommands = ApiKeysCommand.Create.class)
public final class ApiKeysCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ProjectOption project;

    private final Terminal terminal;

    public ApiKeysCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** One line per key: id, scopes, name (never the secret, which only its creation shows). */
    @Override
    public Integer call() {
        Connection server = Connection.open(connection, terminal);
        UUID projectId = server.project(project);
        for (JsonNode key : server.client().get("/api/v1/projects/" + projectId + "/api-keys")) {
            List<String> scopes =
                    key.path("scopes").valueStream().map(JsonNode::asString).toList();
            terminal.out()
                    .printf(
                            "%s\t%s\t%s%n",
                            RestClient.text(key, "id"), String.join(",", scopes), RestClient.text(key, "name"));
        }
        return 0;
    }

    /** Creates a key and prints it: it is shown only this once. */
    @Command(name = "create", description = "Create an API key (project admin); prints the key, shown only once.")
    public static final class Create implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "NAME", description = "What the key is for, e.g. 'ci' or 'device 12'.")
        String name;

        @Option(
                names = "--scope",
                paramLabel = "SCOPE",
                split = ",",
                description = "ingest, read and/or admin (default: ingest).")
        List<String> scopes = List.of("ingest");

        private final Terminal terminal;

        public Create(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            Connection server = Connection.open(connection, terminal);
            UUID projectId = server.project(project);
            JsonNode created = server.client()
                    .post("/api/v1/projects/" + projectId + "/api-keys", Map.of("name", name, "scopes", scopes));
            terminal.err().printf("API key %s created; it is not shown again%n", RestClient.text(created, "id"));
            terminal.out().println(RestClient.text(created, "key"));
            return 0;
        }
    }
}
