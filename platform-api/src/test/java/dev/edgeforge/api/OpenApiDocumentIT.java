package dev.edgeforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is what MLOps scripts and generated clients read: every operation says what it does, every
 * body has a real schema (a script should not have to GET an impulse to learn the shape of a PUT), the ingestion
 * headers are named header parameters, and errors are described as problem details.
 */
@IntegrationTest
class OpenApiDocumentIT {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    @LocalServerPort
    int port;

    private JsonNode docs;

    @BeforeEach
    void readDocument() throws Exception {
        // generated on the first request: give it longer than ApiClient's 30 s on a loaded machine
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .timeout(Duration.ofMinutes(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        docs = JsonMapper.shared().readTree(response.body());
    }

    @Test
    void everyOperationHasASummaryAndADescription() {
        List<String> missing = new ArrayList<>();
        forEachOperation((name, operation) -> {
            if (operation.path("summary").asString("").isBlank()) {
                missing.add(name + " (summary)");
            }
            if (operation.path("description").asString("").isBlank()) {
                missing.add(name + " (description)");
            }
        });
        assertThat(missing).as("operations without a summary or description").isEmpty();
    }

    @Test
    void noRequestOrResponseBodyIsABareString() {
        List<String> bare = new ArrayList<>();
        forEachOperation((name, operation) -> {
            operation.path("requestBody").path("content").properties().forEach(media -> {
                if (isBareString(media.getValue().path("schema"))) {
                    bare.add(name + " request " + media.getKey());
                }
            });
            operation
                    .path("responses")
                    .properties()
                    .forEach(response -> response.getValue()
                            .path("content")
                            .properties()
                            .forEach(media -> {
                                if (isBareString(media.getValue().path("schema"))
                                        && !media.getKey().startsWith("text/")) {
                                    bare.add(name + " response " + response.getKey() + " " + media.getKey());
                                }
                            }));
        });
        assertThat(bare).as("bodies typed as a bare string").isEmpty();
    }

    @Test
    void theImpulseBodyIsTypedWithItsBlocksAsADiscriminatedUnion() {
        JsonNode put =
                docs.path("paths").path("/api/v1/projects/{projectId}/impulse").path("put");
        JsonNode schema = resolve(
                put.path("requestBody").path("content").path("application/json").path("schema"));
        assertThat(schema.path("properties").propertyNames()).contains("input", "processingBlocks", "learningBlocks");
        JsonNode input = resolve(schema.path("properties").path("input"));
        assertThat(input.path("oneOf").size()).as("one schema per input kind").isEqualTo(3);
        assertThat(input.path("discriminator").path("propertyName").asString()).isEqualTo("type");
        JsonNode block =
                resolve(schema.path("properties").path("processingBlocks").path("items"));
        JsonNode params = resolve(block.path("properties").path("params"));
        assertThat(params.path("oneOf").size())
                .as("one schema per DSP block kind")
                .isGreaterThan(5);
        assertThat(params.path("discriminator").path("propertyName").asString()).isEqualTo("type");
    }

    @Test
    void theIngestionHeadersAreHeaderParameters() {
        JsonNode post = docs.path("paths").path("/api/{category}/data").path("post");
        List<String> headers = new ArrayList<>();
        post.path("parameters").forEach(p -> {
            if (p.path("in").asString("").equals("header")) {
                headers.add(p.path("name").asString());
            }
        });
        assertThat(headers).contains("x-api-key", "x-label", "x-file-name").doesNotContain("headers");
    }

    @Test
    void errorsAreDescribedAsProblemDetails() {
        JsonNode train = docs.path("paths")
                .path("/api/v1/projects/{projectId}/jobs/train")
                .path("post")
                .path("responses");
        JsonNode conflict = train.path("409").path("content").path("application/problem+json");
        assertThat(conflict.isMissingNode())
                .as("train documents its 409 as a problem")
                .isFalse();
        assertThat(resolve(conflict.path("schema")).path("properties").propertyNames())
                .contains("type", "title", "status", "detail");
    }

    @Test
    void theIntroductionReadsWholeAndLinksBackToTheApp() {
        String description = docs.path("info").path("description").asString();
        assertThat(description).contains("Authorization: Bearer").doesNotContain("Bearer '");
        assertThat(description).doesNotContainPattern("<[a-z]+>"); // an HTML-looking placeholder is swallowed
        assertThat(description).contains("](/)");
    }

    private void forEachOperation(OperationVisitor visitor) {
        docs.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (METHODS.contains(method.getKey())) {
                        visitor.visit(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                }));
    }

    private boolean isBareString(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        return resolved.path("type").asString("").equals("string") && !resolved.has("format") && !resolved.has("enum");
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        return docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @FunctionalInterface
    private interface OperationVisitor {
        void visit(String name, JsonNode operation);
    }
}
