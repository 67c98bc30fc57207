package dev.edgeforge.cli.job;

import dev.edgeforge.cli.http.RestClient;
import java.io.PrintWriter;
import tools.jackson.databind.JsonNode;

/** How a finished job ends a command: a line saying so, and exit code 0 only when it succeeded. */
public final class JobOutcome {

    private JobOutcome() {}

    public static int report(JsonNode job, PrintWriter messages) {
        String state = RestClient.text(job, "state");
        String type = RestClient.text(job, "type");
        String error = RestClient.text(job, "error");
        messages.printf(
                "%s job %s %s%s%n",
                type == null ? "the" : type, RestClient.text(job, "id"), state, error == null ? "" : ": " + error);
        messages.flush();
        return "succeeded".equals(state) ? 0 : 1;
    }
}
