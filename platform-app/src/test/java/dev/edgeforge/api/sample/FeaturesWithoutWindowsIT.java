package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue #12 with the in-process workers: "a features job that made 0 windows (clips shorter than the window,
 * zero-pad off) ended succeeded; training then answered 409 'The project has no features ... generate features on
 * the impulse page' — false, and pointing an API user to a page". The impulse is saved before the data exists (so
 * its check against the samples cannot refuse it), then watch gestures of 1.0–4.3 s arrive for its 5 s window.
 */
@IntegrationTest
class FeaturesWithoutWindowsIT {

    @LocalServerPort
    int port;

    @Test
    void aFeaturesJobWithoutWindowsFailsListingTheSamplesAndTrainingSaysSoNamingTheCall() throws Exception {
        TestProject project = TestProject.create(port, "Short clips");
        String impulse = project.base + "/impulse";
        ObjectNode design = (ObjectNode) project.client
                .get(impulse, project.auth())
                .json()
                .get("impulse")
                .deepCopy();
        ObjectNode input = (ObjectNode) design.get("input");
        input.put("frequencyHz", 100);
        input.put("windowSizeMs", 5000);
        input.put("zeroPad", false);
        ((ArrayNode) design.get("processingBlocks").get(0).get("axes"))
                .removeAll()
                .add("accZ");
        ApiClient.Response saved = project.client.put(impulse, design, project.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        ImpulseFitsDataIT.uploadWatchGestures(project);

        ApiClient.Response started = project.client.post(project.base + "/jobs/features", Map.of(), project.auth());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitEnd(project, started.text("jobId"));

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.get("error").asString())
                .startsWith("No sample gave a window: 12 of 12 samples gave none")
                .contains("shorter than the 5000 ms window, and zero-padding is off")
                .contains("Turn zero-padding on or shorten the window");
        JsonNode without = job.get("result").get("withoutWindows");
        assertThat(without.size()).isEqualTo(12);
        assertThat(without.findValuesAsString("fileName")).contains("wave.0", "tap.11");
        assertThat(without.findValuesAsString("reason"))
                .contains("it lasts 1000 ms, shorter than the 5000 ms window, and zero-padding is off");

        ApiClient.Response training = project.client.post(project.base + "/jobs/train", Map.of(), project.auth());

        assertThat(training.status()).as(training.body()).isEqualTo(409);
        assertThat(training.text("code")).isEqualTo("features-not-generated");
        assertThat(training.text("detail"))
                .contains("The last features job of impulse version 1 (" + started.text("jobId") + ") failed")
                .contains("zero-padding is off")
                .contains("POST /api/v1/projects/" + project.id + "/jobs/features")
                .doesNotContain("impulse page");
    }

    private static JsonNode awaitEnd(TestProject project, String jobId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job =
                    project.client.get("/api/v1/jobs/" + jobId, project.auth()).json();
            String state = job.get("state").asString();
            if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + jobId + " did not end in time");
    }
}
