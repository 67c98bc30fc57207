package dev.edgeforge.api.impulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.BrowserSession;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The impulse API over HTTP: defaults, versioning, validation errors, access, the catalogue and the costs. */
@IntegrationTest
class ImpulseApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient client;
    User owner;
    UUID projectId;
    String base;

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, "impulse");
        projectId = TestUsers.createProject(client, owner, "Gestures");
        base = "/api/v1/projects/" + projectId + "/impulse";
    }

    private User member(String role) {
        User user = TestUsers.register(client, role);
        ApiClient.Response added = client.post(
                "/api/v1/projects/" + projectId + "/members",
                Map.of("email", user.email(), "role", role),
                owner.auth());
        assertThat(added.status()).as(added.body()).isIn(200, 201);
        return user;
    }

    private ObjectNode defaultImpulse() {
        ApiClient.Response latest = client.get(base, owner.auth());
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);
        return (ObjectNode) latest.json().get("impulse").deepCopy();
    }

    @Test
    void aNewProjectShowsTheDefaultImpulseUnsaved() {
        ApiClient.Response latest = client.get(base, owner.auth());

        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().get("version").asInt()).isZero();
        assertThat(latest.json().get("saved").asBoolean()).isFalse();
        JsonNode impulse = latest.json().get("impulse");
        JsonNode input = impulse.get("input");
        assertThat(input.get("type").asString()).isEqualTo("time-series");
        assertThat(input.get("windowSizeMs").asDouble()).isEqualTo(2000);
        assertThat(input.get("windowStrideMs").asDouble()).isEqualTo(80);
        assertThat(input.get("frequencyHz").asDouble()).isEqualTo(62.5);
        JsonNode block = impulse.get("processingBlocks").get(0);
        assertThat(block.get("params").get("type").asString()).isEqualTo("spectral-analysis");
        assertThat(block.get("params").get("fftLength").asInt()).isEqualTo(16);
        assertThat(JSON.convertValue(block.get("axes"), List.class)).containsExactly("accX", "accY", "accZ");
        JsonNode learn = impulse.get("learningBlocks").get(0);
        assertThat(learn.get("type").asString()).isEqualTo("classification");
        assertThat(learn.get("settings").get("layers").toString())
                .contains("{\"type\":\"dense\",\"units\":20,\"activation\":\"relu\"}");

        assertThat(client.get(base + "/versions", owner.auth()).json().size()).isZero();
        ApiClient.Response missing = client.get(base + "/versions/1", owner.auth());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("impulse-version-not-found");
    }

    @Test
    void savingAChangedImpulseMakesAVersionAndAnUnchangedOneDoesNot() {
        ObjectNode impulse = defaultImpulse();

        ApiClient.Response first = client.put(base, impulse, owner.auth());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("changed").asBoolean()).isTrue();
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("impulse").get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("createdBy").asString())
                .isEqualTo(owner.id().toString());

        // the same impulse again, as GET returns it (jsonb reorders keys, the version is 1 now): no new version
        JsonNode saved = client.get(base, owner.auth()).json().get("impulse");
        ApiClient.Response same = client.put(base, saved, owner.auth());
        assertThat(same.json().get("changed").asBoolean()).isFalse();
        assertThat(same.json().get("version").asInt()).isEqualTo(1);
        // fields left out take their defaults, so an impulse spelling out fewer fields is the same impulse too
        ObjectNode sparse = (ObjectNode) saved.deepCopy();
        ((ObjectNode) sparse.get("processingBlocks").get(0).get("params")).remove(List.of("scale", "log"));
        assertThat(client.put(base, sparse, owner.auth()).json().get("changed").asBoolean())
                .isFalse();

        ObjectNode changed = (ObjectNode) saved.deepCopy();
        ((ObjectNode) changed.get("processingBlocks").get(0).get("params")).put("fftLength", 64);
        ((ObjectNode) changed.get("input")).put("windowStrideMs", 100);
        ApiClient.Response second = client.put(base, changed, owner.auth());
        assertThat(second.json().get("changed").asBoolean()).isTrue();
        assertThat(second.json().get("version").asInt()).isEqualTo(2);

        ApiClient.Response latest = client.get(base, owner.auth());
        assertThat(latest.json().get("version").asInt()).isEqualTo(2);
        assertThat(latest.json().get("saved").asBoolean()).isTrue();
        assertThat(latest.json()
                        .get("impulse")
                        .get("processingBlocks")
                        .get(0)
                        .get("params")
                        .get("fftLength")
                        .asInt())
                .isEqualTo(64);

        ApiClient.Response versions = client.get(base + "/versions", owner.auth());
        assertThat(versions.json().size()).isEqualTo(2);
        assertThat(versions.json().get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.json().get(0).get("createdByName").asString()).isEqualTo("impulse");
        assertThat(versions.json().get(1).get("summary").asString())
                .isEqualTo("time series 2000 ms every 80 ms at 62.5 Hz · Spectral features (spectral-analysis) · "
                        + "Classifier (classification)");
        ApiClient.Response v1 = client.get(base + "/versions/1", owner.auth());
        assertThat(v1.json()
                        .get("impulse")
                        .get("processingBlocks")
                        .get(0)
                        .get("params")
                        .get("fftLength")
                        .asInt())
                .isEqualTo(16);
    }

    @Test
    void invalidFieldsAreRefusedWithEveryFieldNamed() {
        ObjectNode impulse = defaultImpulse();
        ((ObjectNode) impulse.get("input")).put("windowSizeMs", -5);
        ObjectNode params = (ObjectNode) impulse.get("processingBlocks").get(0).get("params");
        params.put("fftLength", 100);
        params.put("filterCutoffHz", 40);
        ((ObjectNode) impulse.get("learningBlocks").get(0)).put("type", "clustering");

        ApiClient.Response refused = client.put(base, impulse, owner.auth());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("validation-failed");
        assertThat(fields(refused)).contains("input.windowSizeMs", "learningBlocks[0].type");
        assertThat(client.get(base + "/versions", owner.auth()).json().size()).isZero();

        // with a valid input the block's own checks run, each naming its field
        ((ObjectNode) impulse.get("input")).put("windowSizeMs", 2000);
        ((ObjectNode) impulse.get("learningBlocks").get(0)).put("type", "classification");
        ApiClient.Response block = client.put(base, impulse, owner.auth());
        assertThat(block.status()).isEqualTo(400);
        assertThat(fields(block))
                .containsExactlyInAnyOrder(
                        "processingBlocks[0].spectral-analysis.fftLength",
                        "processingBlocks[0].spectral-analysis.filterCutoffHz");
        assertThat(message(block, "processingBlocks[0].spectral-analysis.filterCutoffHz"))
                .contains("Nyquist");
    }

    @Test
    void unreadableJsonNamesTheFieldAndLayersAreChecked() {
        ObjectNode unknownField = defaultImpulse();
        ((ObjectNode) unknownField.get("input")).put("windowSize", 1000);
        ApiClient.Response unknown = client.put(base, unknownField, owner.auth());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("input.windowSize");

        ObjectNode unknownBlock = defaultImpulse();
        ((ObjectNode) unknownBlock.get("processingBlocks").get(0).get("params")).put("type", "wavelet");
        ApiClient.Response block = client.put(base, unknownBlock, owner.auth());
        assertThat(block.status()).isEqualTo(400);
        assertThat(fields(block)).containsExactly("processingBlocks[0].params");
        assertThat(message(block, "processingBlocks[0].params")).contains("wavelet");

        ObjectNode badLayers = defaultImpulse();
        ((ObjectNode) badLayers.get("learningBlocks").get(0).get("settings"))
                .set(
                        "layers",
                        JSON.readTree("[{\"type\":\"dense\",\"units\":0},{\"type\":\"conv2d\",\"filters\":8,"
                                + "\"kernelHeight\":3,\"kernelWidth\":3,\"stride\":1}]"));
        ApiClient.Response layers = client.put(base, badLayers, owner.auth());
        assertThat(layers.status()).isEqualTo(400);
        assertThat(fields(layers)).contains("learningBlocks[0].settings.layers[0]");

        ApiClient.Response notJson = client.put(base, "{\"input\": ", owner.auth());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(fields(notJson)).containsExactly("body");
    }

    @Test
    void viewersReadButCannotSave() {
        User viewer = member("viewer");
        User member = member("member");
        ObjectNode impulse = defaultImpulse();

        assertThat(client.get(base, viewer.auth()).status()).isEqualTo(200);
        ApiClient.Response refused = client.put(base, impulse, viewer.auth());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(client.get(base + "/versions", owner.auth()).json().size()).isZero();

        assertThat(client.put(base, impulse, member.auth())
                        .json()
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(client.get(base + "/costs", viewer.auth()).status()).isEqualTo(200);

        User stranger = TestUsers.register(client, "stranger");
        assertThat(client.get(base, stranger.auth()).status()).isEqualTo(404);
        assertThat(client.put(base, impulse, stranger.auth()).status()).isEqualTo(404);
        assertThat(client.get(base, ApiClient.Auth.none()).status()).isEqualTo(401);
    }

    @Test
    void thePageIsInTheSidebarAndReadOnlyForViewers() {
        User viewer = member("viewer");

        BrowserSession ownerPages = BrowserSession.signIn(port, owner.email(), owner.password());
        ApiClient.Response page = ownerPages.page("/projects/" + projectId + "/impulse");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-can-edit=\"true\"")
                .contains("/js/impulse-design.js")
                .contains("data-nav=\"impulse\"")
                .doesNotContain("id=\"viewer-note\"");
        assertThat(ownerPages.page("/projects/" + projectId).body())
                .contains("href=\"/projects/" + projectId + "/impulse\"");

        ApiClient.Response viewerPage = BrowserSession.signIn(port, viewer.email(), viewer.password())
                .page("/projects/" + projectId + "/impulse");
        assertThat(viewerPage.status()).isEqualTo(200);
        assertThat(viewerPage.body()).contains("data-can-edit=\"false\"").contains("id=\"viewer-note\"");

        User stranger = TestUsers.register(client, "stranger");
        assertThat(BrowserSession.signIn(port, stranger.email(), stranger.password())
                        .page("/projects/" + projectId + "/impulse")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theCatalogueDescribesEveryBlockWithDefaults() {
        ApiClient.Response blocks = client.get("/api/v1/dsp-blocks", owner.auth());

        assertThat(blocks.status()).isEqualTo(200);
        assertThat(blocks.json().findValuesAsString("type"))
                .contains("raw", "flatten", "spectral-analysis", "mfe", "mfcc", "spectrogram", "image");
        JsonNode mfcc = find(blocks.json(), "mfcc");
        assertThat(mfcc.get("axes").asString()).isEqualTo("one");
        JsonNode fft = parameter(mfcc, "fftLength");
        assertThat(fft.get("kind").asString()).isEqualTo("power-of-two");
        assertThat(fft.get("defaultValue").asInt()).isEqualTo(256);
        assertThat(fft.get("min").asDouble()).isEqualTo(16);
        assertThat(JSON.convertValue(parameter(mfcc, "window").get("options"), List.class))
                .containsExactly("rectangular", "hamming", "hann");
        assertThat(client.get("/api/v1/dsp-blocks", ApiClient.Auth.none()).status())
                .isEqualTo(401);
    }

    @Test
    void costsPerBlockOnATarget() {
        ObjectNode impulse = defaultImpulse();
        ObjectNode mfe = JSON.createObjectNode();
        mfe.put("id", 2).put("name", "MFE").set("axes", JSON.readTree("[\"accX\"]"));
        mfe.set(
                "params",
                JSON.readTree("{\"type\":\"mfe\",\"frameLength\":0.5,\"frameStride\":0.25,"
                        + "\"filterCount\":8,\"fftLength\":32}"));
        ((tools.jackson.databind.node.ArrayNode) impulse.get("processingBlocks")).add(mfe);
        assertThat(client.put(base, impulse, owner.auth()).status()).isEqualTo(200);

        ApiClient.Response fast = client.get(base + "/costs?target=stm32f746g-disco", owner.auth());
        ApiClient.Response slow = client.get(base + "/costs?target=arduino-nano-33-ble-sense", owner.auth());

        assertThat(fast.status()).as(fast.body()).isEqualTo(200);
        assertThat(fast.json().get("clockHz").asLong()).isEqualTo(216_000_000L);
        assertThat(fast.json().get("impulseVersion").asInt()).isEqualTo(1);
        JsonNode spectral = fast.json().get("blocks").get(0);
        assertThat(spectral.get("type").asString()).isEqualTo("spectral-analysis");
        assertThat(spectral.get("ramBytes").asLong()).isPositive();
        assertThat(spectral.get("msPerWindow").asDouble()).isPositive();
        JsonNode mfeCost = fast.json().get("blocks").get(1);
        assertThat(JSON.convertValue(mfeCost.get("featureShape"), List.class))
                .containsExactly(6, 8); // 1 + (125 − 31) / 16 frames of 8 filters
        // the same operations take 216/64 times longer on the slower clock
        assertThat(slow.json().get("blocks").get(0).get("msPerWindow").asDouble())
                .isCloseTo(spectral.get("msPerWindow").asDouble() * 216 / 64.0, Offset.offset(1e-9));
        assertThat(fast.json().get("totalMsPerWindow").asDouble())
                .isCloseTo(
                        spectral.get("msPerWindow").asDouble()
                                + mfeCost.get("msPerWindow").asDouble(),
                        Offset.offset(1e-9));

        // a draft with a broken block: that block says why, the others still have their estimate
        ((ObjectNode) impulse.get("processingBlocks").get(1).get("params")).put("frameLength", 5.0);
        ApiClient.Response draft = client.post(base + "/costs?target=nucleo-f446re", impulse, owner.auth());
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.json().get("impulseVersion").isNull()).isTrue();
        assertThat(draft.json().get("blocks").get(0).get("errors").size()).isZero();
        assertThat(draft.json()
                        .get("blocks")
                        .get(1)
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("processingBlocks[1].mfe.frameLength");

        ApiClient.Response unknown = client.get(base + "/costs?target=esp32", owner.auth());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("unknown-target");
    }

    @Test
    void learningDefaultsFollowTheFeatures() {
        ObjectNode impulse = defaultImpulse();
        impulse.set(
                "processingBlocks",
                JSON.readTree("[{\"id\":1,\"name\":\"Raw\",\"axes\":[\"accX\",\"accY\"],"
                        + "\"params\":{\"type\":\"raw\"}}]"));

        ApiClient.Response defaults =
                client.post("/api/v1/learning-blocks/defaults?kind=classification", impulse, owner.auth());

        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        assertThat(defaults.json().get("featureKind").asString()).isEqualTo("time_series");
        assertThat(JSON.convertValue(defaults.json().get("featureShape"), List.class))
                .containsExactly(125, 2);
        assertThat(defaults.json()
                        .get("settings")
                        .get("layers")
                        .get(0)
                        .get("type")
                        .asString())
                .isEqualTo("conv1d");
        assertThat(client.post("/api/v1/learning-blocks/defaults?kind=boosting", impulse, owner.auth())
                        .status())
                .isEqualTo(400);
    }

    private static JsonNode find(JsonNode blocks, String type) {
        for (JsonNode block : blocks) {
            if (block.get("type").asString().equals(type)) {
                return block;
            }
        }
        throw new AssertionError("no block " + type);
    }

    private static JsonNode parameter(JsonNode block, String name) {
        for (JsonNode p : block.get("parameters")) {
            if (p.get("name").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static List<String> fields(ApiClient.Response response) {
        return response.json().get("errors").findValuesAsString("field");
    }

    private static String message(ApiClient.Response response, String field) {
        for (JsonNode error : response.json().get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + response.body());
    }
}
