package dev.edgeforge.api.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.core.synthetic.GestureDataset;
import dev.edgeforge.core.synthetic.SyntheticSample;
import dev.edgeforge.infra.storage.ObjectInfo;
import dev.edgeforge.infra.storage.ObjectStore;
import dev.edgeforge.jobs.feature.FeatureJobSample;
import dev.edgeforge.jobs.feature.FeatureManifest;
import dev.edgeforge.jobs.feature.FeatureObjectKeys;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Feature generation end to end: the job goes through the real queue to the embedded worker, which reads the samples
 * from the real object store and writes chunks and the manifest there; the status and explorer endpoints read them
 * back. 40 synthetic accelerometer recordings of 60 s give 29 040 windows.
 *
 * <p>The samples are listed by a test {@link ImpulseSampleSource} handed to {@link FeatureJobService}, so the test
 * stores synthetic recordings straight in the object store instead of uploading them; the REST start is tested for
 * the checks that come before the sample listing.
 */
@IntegrationTest
class FeatureJobIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** (3750 − 125) / 5 + 1 windows of 2000 ms every 80 ms in 60 s at 62.5 Hz. */
    private static final int WINDOWS_PER_SAMPLE = 726;

    private static List<SyntheticSample> recordings;

    @LocalServerPort
    int port;

    @Autowired
    FeatureJobService features;

    @Autowired
    ObjectStore store;

    ApiClient client;
    User owner;
    UUID projectId;
    String base;
    List<FeatureJobSample> samples;

    @BeforeAll
    static void generate() {
        recordings = GestureDataset.builder()
                .optPersons(10)
                .optRecordingsPerGesture(1)
                .optLengthSeconds(60)
                .build()
                .generate();
    }

    @BeforeEach
    void setUp() {
        client = ApiClient.stateless(port);
        owner = TestUsers.register(client, "features");
        projectId = TestUsers.createProject(client, owner, "Gestures");
        base = "/api/v1/projects/" + projectId;
        samples = SyntheticSamples.store(store, projectId, recordings);
    }

    private ObjectNode saveImpulse(Consumer<ObjectNode> change) {
        ObjectNode impulse = (ObjectNode) client.get(base + "/impulse", owner.auth())
                .json()
                .get("impulse")
                .deepCopy();
        change.accept(impulse);
        ApiClient.Response saved = client.put(base + "/impulse", impulse, owner.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return impulse;
    }

    private FeatureJobService.Started start() {
        return features.start(projectId, null, owner.id(), id -> samples);
    }

    /** The whole result of a job as polled (the poll itself carries a summary only). */
    private JsonNode result(JsonNode job) {
        return client.get("/api/v1/jobs/" + job.get("id").asString() + "/result", owner.auth())
                .json();
    }

    /** Waits until the job ended and its end reached the version's features status (about a second later). */
    private JsonNode awaitEnd(FeatureJobService.Started run) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job =
                    client.get("/api/v1/jobs/" + run.jobId(), owner.auth()).json();
            String state = job.get("state").asString();
            if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) {
                awaitStatus(run, state);
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + run.jobId() + " did not end in time");
    }

    private void awaitStatus(FeatureJobService.Started run, String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        JsonNode status = null;
        while (Instant.now().isBefore(deadline)) {
            status = client.get(base + "/features?impulseVersion=" + run.impulseVersion(), owner.auth())
                    .json();
            if (status.path("job").path("id").asString().equals(run.jobId().toString())
                    && status.path("status").asString().equals(state)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the features status did not show job " + run.jobId() + " " + state + ": " + status);
    }

    private List<String> logs(UUID jobId) {
        ApiClient.Response lines = client.send(
                "GET", "/api/v1/jobs/" + jobId + "/logs", null, owner.auth(), List.of("Accept", "application/json"));
        return lines.json().findValuesAsString("line");
    }

    @Test
    void generatesThousandsOfWindowsReusesThemAndRecomputesWhatChanged() throws Exception {
        saveImpulse(impulse -> {});

        FeatureJobService.Started first = start();
        assertThat(first.impulseVersion()).isEqualTo(1);
        assertThat(first.samples()).isEqualTo(40);
        JsonNode done = awaitEnd(first);
        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("succeeded");
        JsonNode result = result(done);
        assertThat(result.get("windows").asLong()).isEqualTo(40L * WINDOWS_PER_SAMPLE);
        assertThat(result.get("computed").asInt()).isEqualTo(40);
        assertThat(result.get("reused").asInt()).isZero();
        assertThat(result.get("labels").findValuesAsString("label"))
                .containsExactly("circle", "idle", "updown", "wave");
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(logs(first.jobId())).anyMatch(l -> l.startsWith("Computed 40 of 40 sample(s), 29040 window(s)"));

        // chunks and the manifest are in the object store, one chunk per sample
        String manifestKey = result.get("manifestKey").asString();
        assertThat(manifestKey).isEqualTo(FeatureObjectKeys.manifest(projectId, 1, first.jobId()));
        FeatureManifest manifest;
        try (InputStream in = store.get(manifestKey)) {
            manifest = FeatureManifest.read(in);
        }
        assertThat(manifest.samples()).hasSize(40).allSatisfy(e -> {
            assertThat(e.windows()).isEqualTo(WINDOWS_PER_SAMPLE);
            assertThat(store.exists(e.chunkKey())).isTrue();
        });
        assertThat(manifest.samples().stream().filter(e -> e.category().equals("testing")))
                .hasSize(8);

        ApiClient.Response status = client.get(base + "/features", owner.auth());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.text("status")).isEqualTo("succeeded");
        assertThat(status.json().get("featureSet").get("windows").asLong()).isEqualTo(29_040);
        assertThat(status.json().get("featureSet").get("jobId").asString())
                .isEqualTo(first.jobId().toString());

        // a second run reuses every sample's features
        FeatureJobService.Started second = start();
        JsonNode again = awaitEnd(second);
        assertThat(again.get("state").asString()).isEqualTo("succeeded");
        assertThat(result(again).get("computed").asInt()).isZero();
        assertThat(result(again).get("reused").asInt()).isEqualTo(40);
        assertThat(logs(second.jobId())).anyMatch(l -> l.startsWith("Reusing the stored features of 40 of 40"));

        // another FFT length is a new version whose features are all computed again
        saveImpulse(
                impulse -> ((ObjectNode) impulse.get("processingBlocks").get(0).get("params")).put("fftLength", 32));
        FeatureJobService.Started changed = start();
        assertThat(changed.impulseVersion()).isEqualTo(2);
        JsonNode recomputed = awaitEnd(changed);
        assertThat(result(recomputed).get("computed").asInt()).isEqualTo(40);
        assertThat(result(recomputed).get("featureLength").asInt())
                .isGreaterThan(result.get("featureLength").asInt());
        assertThat(client.get(base + "/features?impulseVersion=1", owner.auth())
                        .json()
                        .get("featureSet")
                        .get("jobId")
                        .asString())
                .isEqualTo(second.jobId().toString());
    }

    @Test
    void theExplorerProjectsTheWindowsAndCachesTheProjection() throws Exception {
        saveImpulse(impulse -> {});
        FeatureJobService.Started run = start();
        assertThat(awaitEnd(run).get("state").asString()).isEqualTo("succeeded");
        User viewer = TestUsers.register(client, "viewer");
        client.post(base + "/members", Map.of("email", viewer.email(), "role", "viewer"), owner.auth());

        ApiClient.Response explorer = client.get(base + "/features/explorer?maxPoints=3000", viewer.auth());

        assertThat(explorer.status()).as(explorer.body()).isEqualTo(200);
        JsonNode view = explorer.json();
        assertThat(view.get("totalWindows").asLong()).isEqualTo(29_040);
        assertThat(view.get("shownWindows").asInt()).isBetween(2_500, 3_000);
        assertThat(view.get("sampled").asBoolean()).isTrue();
        assertThat(view.get("labels").findValuesAsString("label")).isEmpty();
        assertThat(JSON.convertValue(view.get("labels"), List.class))
                .containsExactly("circle", "idle", "updown", "wave");
        JsonNode points = view.get("points");
        assertThat(points.size()).isEqualTo(view.get("shownWindows").asInt());
        Set<String> sampleIds = samples.stream().map(FeatureJobSample::id).collect(Collectors.toSet());
        Map<String, String> labelOf =
                samples.stream().collect(Collectors.toMap(FeatureJobSample::id, FeatureJobSample::label));
        for (JsonNode p : points) {
            assertThat(sampleIds).contains(p.get("sampleId").asString());
            assertThat(p.get("label").asString())
                    .isEqualTo(labelOf.get(p.get("sampleId").asString()));
            assertThat(p.get("windowIndex").asInt()).isBetween(0, WINDOWS_PER_SAMPLE - 1);
            assertThat(Double.isFinite(p.get("x").asDouble())
                            && Double.isFinite(p.get("y").asDouble()))
                    .isTrue();
        }
        assertThat(points.findValuesAsString("label").stream().distinct()).hasSize(4);
        double[] ratio = JSON.convertValue(view.get("explainedVarianceRatio"), double[].class);
        assertThat(ratio[0]).isGreaterThanOrEqualTo(ratio[1]).isPositive();
        assertThat(ratio[0] + ratio[1]).isLessThanOrEqualTo(1.0 + 1e-9);
        // the gestures land in different places: the labels explain a good part of the spread
        // (0.36 for this seeded data set; unrelated labels would give about 0)
        assertThat(labelShareOfVariance(points)).isGreaterThan(0.3);

        // the projection is cached next to the feature set and served from there
        String cached = FeatureObjectKeys.explorer(projectId, 1, run.jobId(), 3000);
        assertThat(store.exists(cached)).isTrue();
        ApiClient.Response again = client.get(base + "/features/explorer?maxPoints=3000", owner.auth());
        assertThat(again.json()).isEqualTo(view);
    }

    /**
     * Share of the points' spread explained by their labels (η² in 2D): between-label variance of the centroids over
     * the total variance. About 0 when the labels are unrelated to where points land, 1 when each label is a point.
     */
    private static double labelShareOfVariance(JsonNode points) {
        Map<String, double[]> sums = new HashMap<>();
        double mx = 0;
        double my = 0;
        for (JsonNode p : points) {
            double[] sum = sums.computeIfAbsent(p.get("label").asString(), l -> new double[3]);
            sum[0] += p.get("x").asDouble();
            sum[1] += p.get("y").asDouble();
            sum[2]++;
            mx += p.get("x").asDouble();
            my += p.get("y").asDouble();
        }
        mx /= points.size();
        my /= points.size();
        double total = 0;
        for (JsonNode p : points) {
            total += Math.pow(p.get("x").asDouble() - mx, 2)
                    + Math.pow(p.get("y").asDouble() - my, 2);
        }
        double between = 0;
        for (double[] sum : sums.values()) {
            between += sum[2] * (Math.pow(sum[0] / sum[2] - mx, 2) + Math.pow(sum[1] / sum[2] - my, 2));
        }
        return between / total;
    }

    @Test
    void aRunningJobIsCancelledAndLeavesNoFeatureSet() throws Exception {
        // windows of 10 s every sample (16 ms at 62.5 Hz): over 125 000 windows, long enough to cancel mid-way
        saveImpulse(impulse ->
                ((ObjectNode) impulse.get("input")).put("windowSizeMs", 10_000).put("windowStrideMs", 16));
        FeatureJobService.Started run = start();

        // a second start of the same version while the first is queued or running is refused
        assertThatThrownBy(this::start).isInstanceOf(FeatureJobRunningViolation.class);

        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (client.get("/api/v1/jobs/" + run.jobId(), owner.auth())
                        .json()
                        .get("progress")
                        .asDouble()
                == 0) {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(100);
        }
        Instant cancelledAt = Instant.now();
        ApiClient.Response cancel = client.post("/api/v1/jobs/" + run.jobId() + "/cancel", null, owner.auth());
        assertThat(cancel.status()).isEqualTo(200);

        JsonNode end = awaitEnd(run);
        assertThat(end.get("state").asString()).isEqualTo("cancelled");
        assertThat(Duration.between(cancelledAt, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(end.get("links").has("result")).isFalse();
        assertThat(client.get("/api/v1/jobs/" + run.jobId() + "/result", owner.auth())
                        .status())
                .isEqualTo(404);
        try (Stream<ObjectInfo> manifests = store.list(FeatureObjectKeys.versionPrefix(projectId, 1) + "manifests")) {
            assertThat(manifests).isEmpty();
        }
        ApiClient.Response status = client.get(base + "/features", owner.auth());
        assertThat(status.text("status")).isEqualTo("cancelled");
        assertThat(status.json().get("featureSet").isNull()).isTrue();
        assertThat(client.get(base + "/features/explorer", owner.auth()).status())
                .isEqualTo(404);
    }

    @Test
    void theRestStartChecksAccessAndTheSavedImpulse() {
        User viewer = TestUsers.register(client, "viewer");
        client.post(base + "/members", Map.of("email", viewer.email(), "role", "viewer"), owner.auth());

        ApiClient.Response notSaved = client.post(base + "/jobs/features", null, owner.auth());
        assertThat(notSaved.status()).isEqualTo(409);
        assertThat(notSaved.text("code")).isEqualTo("impulse-not-saved");

        saveImpulse(impulse -> {});
        assertThat(client.post(base + "/jobs/features", null, viewer.auth()).status())
                .isEqualTo(403);
        assertThat(client.post(base + "/jobs/features?impulseVersion=7", null, owner.auth())
                        .text("code"))
                .isEqualTo("impulse-version-not-found");
        User stranger = TestUsers.register(client, "stranger");
        assertThat(client.post(base + "/jobs/features", null, stranger.auth()).status())
                .isEqualTo(404);
        assertThat(client.get(base + "/features", stranger.auth()).status()).isEqualTo(404);

        ApiClient.Response none = client.get(base + "/features", viewer.auth());
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.text("status")).isEqualTo("none");
        assertThat(client.get(base + "/features/explorer", viewer.auth()).text("code"))
                .isEqualTo("features-not-found");
    }

    @Test
    void anImpulseWithoutProcessingBlocksOrAProjectWithoutSamplesHasNothingToGenerate() {
        saveImpulse(impulse ->
                impulse.set("learningBlocks", JSON.createArrayNode()).set("processingBlocks", JSON.createArrayNode()));
        assertThatThrownBy(this::start)
                .isInstanceOf(NoFeatureInputViolation.class)
                .hasMessageContaining("no processing block");

        saveImpulse(impulse -> impulse.set(
                "processingBlocks",
                JSON.readTree(
                        "[{\"id\":1,\"name\":\"Stats\"," + "\"axes\":[\"accX\"],\"params\":{\"type\":\"flatten\"}}]")));
        assertThatThrownBy(() -> features.start(projectId, null, owner.id(), id -> List.of()))
                .isInstanceOf(NoFeatureInputViolation.class)
                .hasMessageContaining("no enabled sample");
    }
}
