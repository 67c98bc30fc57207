package dev.edgeforge.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What can be checked of the deployment files without a cluster (docs/operations.md): every YAML under
 * {@code deploy/} parses; each kustomization names files that exist (the overlay builds on the base); the server has
 * startup, readiness and liveness probes and every container asks for resources; the autoscalers scale Deployments of
 * the base on the queue-depth metric; compose takes every secret from {@code .env}; the Grafana dashboard parses.
 */
class DeploymentFilesTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Pattern SECRET_ENV =
            Pattern.compile("^\\s*([A-Z0-9_]*(PASSWORD|SECRET_KEY|ACCESS_KEY|_USER))" + ":\\s*(.+)$");

    @Test
    void everyYamlFileUnderDeployParses() throws IOException {
        List<Path> files = files(ROOT.resolve("deploy"), ".yaml", ".yml");
        assertThat(files).hasSizeGreaterThan(8);
        for (Path file : files) {
            assertThat(documents(file)).as(file.toString()).isNotEmpty();
        }
    }

    @Test
    void eachKustomizationNamesFilesThatExistAndTheOverlayBuildsOnTheBase() throws IOException {
        for (Path dir : List.of(K8S.resolve("base"), K8S.resolve("overlays/production"))) {
            Map<String, Object> kustomization = single(dir.resolve("kustomization.yaml"));
            assertThat(kustomization.get("kind")).isEqualTo("Kustomization");
            List<String> referenced = new ArrayList<>(strings(kustomization.get("resources")));
            for (Object patch : list(kustomization.get("patches"))) {
                referenced.add((String) ((Map<?, ?>) patch).get("path"));
            }
            for (String name : referenced) {
                Path target = dir.resolve(name).normalize();
                assertThat(Files.exists(target)).as(dir + " names " + name).isTrue();
                if (Files.isDirectory(target)) {
                    assertThat(target.resolve("kustomization.yaml")).exists();
                }
            }
        }
        assertThat(strings(single(K8S.resolve("overlays/production/kustomization.yaml"))
                        .get("resources")))
                .contains("../../base");
    }

    @Test
    void theServerHasProbesEveryContainerAsksForResourcesAndTheAutoscalersFollowTheQueue() throws IOException {
        Map<String, Map<String, Object>> deployments = new HashMap<>();
        for (Path file : files(K8S.resolve("base"), ".yaml")) {
            for (Map<String, Object> doc : documents(file)) {
                if ("Deployment".equals(doc.get("kind"))) {
                    deployments.put(name(doc), doc);
                }
            }
        }
        assertThat(deployments).containsKeys("platform-api", "training-worker", "firmware-builder");
        for (Map<String, Object> deployment : deployments.values()) {
            for (Map<String, Object> container : containers(deployment)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> resources = (Map<String, Object>) container.get("resources");
                assertThat(resources).as(name(deployment)).containsKeys("requests", "limits");
            }
        }
        Map<String, Object> server = containers(deployments.get("platform-api")).get(0);
        assertThat(server).containsKeys("startupProbe", "readinessProbe", "livenessProbe");
        assertThat(server.get("readinessProbe").toString()).contains("/actuator/health/readiness");

        List<Map<String, Object>> autoscalers = documents(K8S.resolve("overlays/production/worker-autoscalers.yaml"));
        assertThat(autoscalers).hasSize(2);
        for (Map<String, Object> hpa : autoscalers) {
            assertThat(hpa.get("kind")).isEqualTo("HorizontalPodAutoscaler");
            Map<?, ?> spec = (Map<?, ?>) hpa.get("spec");
            assertThat(deployments).containsKey((String) ((Map<?, ?>) spec.get("scaleTargetRef")).get("name"));
            assertThat(spec.get("metrics").toString()).contains("name=" + MetricNames.QUEUE_DEPTH);
        }
    }

    @Test
    void composeTakesEverySecretFromDotEnvAndHoldsNoPassword() throws IOException {
        Path compose = ROOT.resolve("docker-compose.yml");
        assertThat(documents(compose)).hasSize(1);
        int secrets = 0;
        for (String line : Files.readAllLines(compose)) {
            Matcher m = SECRET_ENV.matcher(line);
            if (m.matches()
                    && !m.group(1).equals("SPRING_DATASOURCE_USERNAME")
                    && !m.group(1).equals("POSTGRES_USER")) {
                secrets++;
                assertThat(m.group(3).trim()).as(line).startsWith("${");
            }
        }
        assertThat(secrets).isGreaterThanOrEqualTo(6);
        assertThat(ROOT.resolve(".env.example")).exists();
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void theGrafanaDashboardParsesAndQueriesEdgeForgeMetrics() throws IOException {
        JsonNode dashboard = JsonMapper.builder()
                .build()
                .readTree(ROOT.resolve(MetricNames.DASHBOARD).toFile());
        assertThat(dashboard.get("panels").size()).isGreaterThanOrEqualTo(6);
        assertThat(MetricNames.inDashboard()).contains(MetricNames.QUEUE_DEPTH, "edgeforge_samples_ingested_total");
    }

    private static List<Path> files(Path dir, String... suffixes) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(
                            p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
                    .sorted()
                    .toList();
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    private static Map<String, Object> single(Path file) throws IOException {
        List<Map<String, Object>> docs = documents(file);
        assertThat(docs).as(file.toString()).hasSize(1);
        return docs.get(0);
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String.class::cast).toList();
    }

    private static String name(Map<String, Object> doc) {
        return (String) ((Map<?, ?>) doc.get("metadata")).get("name");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        Map<?, ?> template = (Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template");
        return (List<Map<String, Object>>) ((Map<?, ?>) template.get("spec")).get("containers");
    }
}
