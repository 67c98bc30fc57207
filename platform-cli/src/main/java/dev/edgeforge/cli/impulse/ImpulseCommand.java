package dev.edgeforge.cli.impulse;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.ProjectOption;
import dev.edgeforge.cli.session.Terminal;
import dev.edgeforge.cli.session.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The project's impulse as a JSON document: read it, edit it, save it back as a new version. */
@Command(
        name = "impulse",
        description = "Read or save the project's impulse (a JSON document).",
        subcommands = {ImpulseCommand.Get.class, ImpulseCommand.Put.class})
public final class ImpulseCommand {

    /** Prints the latest saved version (or the default impulse, version 0) or one version. */
    @Command(
            name = "get",
            description = "Print the impulse document, as 'impulse put' takes it: the latest version (the default "
                    + "impulse, version 0, when none was saved) or --version N.")
    public static final class Get implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Mixin
        ProjectOption project;

        @Option(names = "--version", paramLabel = "N", description = "A saved version (default: the latest).")
        Integer version;

        @Option(names = "--out", paramLabel = "FILE", description = "Write it to FILE instead of standard output.")
        Path out;

        private final Terminal terminal;

        public Get(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() throws IOException {
            Connection server = Connection.open(connection, terminal);
            UUID projectId = server.project(project);
            String path =
                    "/api/v1/projects/" + projectId + "/impulse" + (version == null ? "" : "/versions/" + version);
            JsonNode view = server.client().get(path);
            String document =
                    RestClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(view.get("impulse")) + "\n";
            if (out == null) {
                terminal.out().print(document);
                terminal.out().flush();
            } else {
                Files.writeString(out, document, StandardCharsets.UTF_8);
            }
            terminal.err().printf("impulse version %d%s%n", view.path("version").asInt(), saved(view));
            return 0;
        }

        private static String saved(JsonNode view) {
            return view.path("saved").asBoolean(true) ? "" : " (the default; not saved yet)";
        }
    }

    /** Saves a document: a changed impulse becomes a new version. */
    @Command(
            name = "put",
            description = "Save the impulse from FILE ('-': standard input); a changed impulse becomes a new version. "
                    + "Prints the version number.")
    public static final class Put implements Callable<Integer> {

        @Mixin
        ConnectionOptions connection;

        @Mixin
        ProjectOption project;

        @Parameters(paramLabel = "FILE", description = "The impulse JSON ('-' for standard input).")
        String file;

        private final Terminal terminal;

        public Put(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public Integer call() throws IOException {
            JsonNode document = document(
                    "-".equals(file)
                            ? new String(terminal.in().readAllBytes(), StandardCharsets.UTF_8)
                            : Files.readString(Path.of(file), StandardCharsets.UTF_8));
            Connection server = Connection.open(connection, terminal);
            UUID projectId = server.project(project);
            JsonNode saved = server.client().put("/api/v1/projects/" + projectId + "/impulse", document);
            int savedVersion = saved.path("version").asInt();
            terminal.err()
                    .printf(
                            "impulse version %d %s%n",
                            savedVersion,
                            saved.path("changed").asBoolean() ? "saved" : "unchanged (equal to the latest)");
            terminal.out().println(savedVersion);
            return 0;
        }

        /** The impulse document; the whole answer of {@code GET .../impulse} (curl's output) is unwrapped. */
        static JsonNode document(String text) {
            JsonNode json;
            try {
                json = RestClient.JSON.readTree(text);
            } catch (JacksonException e) {
                throw new UsageException("the impulse is not JSON: " + e.getOriginalMessage());
            }
            if (json == null || !json.isObject()) {
                throw new UsageException("the impulse must be a JSON object (see 'edgeforge cli impulse get')");
            }
            if (!json.has("input") && json.path("impulse").isObject()) {
                return json.get("impulse");
            }
            return json;
        }
    }
}
