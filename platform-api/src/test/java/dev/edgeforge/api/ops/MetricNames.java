package dev.edgeforge.api.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the operations files query. */
public final class MetricNames {

    public static final String DASHBOARD = "deploy/grafana/edgeforge.json";
    public static final String QUEUE_DEPTH = "edgeforge_jobs_queued";

    /** A Prometheus metric name in a query: edgeforge_… or Spring's http_server_… */
    private static final Pattern NAME = Pattern.compile("\\b((?:edgeforge|http_server)_[a-z_]+)\\b");

    private MetricNames() {}

    /** Every metric name the dashboard's queries use. */
    public static Set<String> inDashboard() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(Files.readString(DeploymentFilesTest.ROOT.resolve(DASHBOARD)));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
