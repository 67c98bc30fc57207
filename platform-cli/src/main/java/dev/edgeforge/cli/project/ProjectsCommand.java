package dev.edgeforge.cli.project;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.Terminal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Lists the projects the caller sees (one line each: id, role, name) and creates projects. */
@Command(
        name = "projects",
        description = "List your projects (id, your role, name); with an API key, its project.",
        subcommands = ProjectsCommand.Create.class)
public final class ProjectsCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    private final Terminal terminal;

    public ProjectsCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        RestClient client = Connection.open(connection, terminal).signedIn();
        for (JsonNode project : client.get("/api/v1/projects")) {
            terminal.out()
                    .printf(
                            "%s\t%s\t%s%n",
                            RestClient.text(project, "id"),
                            RestClient.text(project, "role"),
                            RestClient.text(project, "name"));
        }
        return 0;
    }

    /** Creates a project owned by the signed-in user and prints its id. */
    @Command(name = "create", description = "Create a project (you become its owner); prints its id.")
    public static final class Create implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Parameters(paramLabel = "NAME", description = "The project's name.")
        String name;

        @Option(names = "--description", paramLabel = "TEXT", description = "What the project is for.")
        String description;

        private final Terminal terminal;

        public Create(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() {
            RestClient client = Connection.open(connection, terminal).signedIn();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            if (description != null) {
                body.put("description", description);
            }
            JsonNode created = client.post("/api/v1/projects", body);
            terminal.out().println(RestClient.text(created, "id"));
            return 0;
        }
    }
}
