package dev.edgeforge.cli.training;

import dev.edgeforge.cli.http.RestClient;
import dev.edgeforge.cli.session.CliFailure;
import java.io.PrintWriter;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The project's models as commands that take {@code --model} need them. */
public final class Models {

    private Models() {}

    /** The model asked for, else the newest ready one. */
    public static UUID chosenOrLatestReady(RestClient client, UUID projectId, UUID chosen) {
        if (chosen != null) {
            return chosen;
        }
        // the list is newest first
        for (JsonNode model : client.get("/api/v1/projects/" + projectId + "/models")) {
            if ("ready".equals(RestClient.text(model, "state"))) {
                return UUID.fromString(RestClient.text(model, "id"));
            }
        }
        throw new CliFailure("the project has no ready model: train one first ('edgeforge cli train --wait') or "
                + "name one with --model ID");
    }

    /** Prints each non-null headline metric as "name value", one per line, for scripts to read. */
    public static void printSummary(JsonNode summary, PrintWriter out) {
        if (summary == null || !summary.isObject()) {
            return;
        }
        summary.propertyStream()
                .filter(e -> e.getValue().isNumber())
                .forEach(e -> out.println(e.getKey() + " " + e.getValue().asString()));
        out.flush();
    }
}
