package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #10: "A project with HMAC keys still stores messages with alg: none; signing cannot be required". With the
 * project setting "require signed data", data sent with an API key must carry a signature that verifies; everything
 * else is refused with 401 and nothing is stored.
 */
@IntegrationTest
class RequireSignedDataIT {

    @LocalServerPort
    int port;

    TestProject project;
    Auth device;
    String hmacKey;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Signed only");
        device = Auth.apiKey(project.apiKey("ingest"));
        hmacKey = project.hmacKey("fleet");
    }

    private ApiClient.Response data(byte[] body, Auth auth) {
        return project.http.send(
                "POST",
                "/api/training/data",
                body,
                auth,
                List.of("Content-Type", "application/json", "x-file-name", "m.json"));
    }

    private void requireSignedData(boolean required) {
        ApiClient.Response changed =
                project.client.patch(project.base, Map.of("requireSignedData", required), project.auth());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("requireSignedData").asBoolean()).isEqualTo(required);
    }

    @Test
    void offByDefaultUnsignedMessagesAreStored() {
        assertThat(project.client
                        .get(project.base, project.auth())
                        .json()
                        .path("requireSignedData")
                        .asBoolean())
                .isFalse();
        assertThat(data(SampleFiles.eiJson(1, 20), device).status()).isEqualTo(200);
    }

    @Test
    void whenRequiredDevicesMustSignEverything() {
        requireSignedData(true);

        ApiClient.Response unsigned = data(SampleFiles.eiJson(2, 20), device);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.contentType()).startsWith("application/problem+json");
        assertThat(unsigned.text("code")).isEqualTo("signed-data-required");
        assertThat(unsigned.text("detail")).contains("m.json").contains("alg: none");

        ApiClient.Response csv = project.http.multipart(
                "/api/training/files", device, SampleHttp.Part.file("data", "readings.csv", SampleFiles.csv(20, 10)));
        assertThat(csv.status()).isEqualTo(401);
        assertThat(csv.text("detail")).contains("readings.csv").contains("cannot carry a signature");

        // a signed file does not carry an unsigned one through: the whole request is refused
        ApiClient.Response mixed = project.http.multipart(
                "/api/training/files",
                device,
                SampleHttp.Part.file("data", "signed.json", SampleFiles.eiJsonSigned(3, 20, hmacKey)),
                SampleHttp.Part.file("data", "unsigned.json", SampleFiles.eiJson(4, 20)));
        assertThat(mixed.status()).isEqualTo(401);
        assertThat(mixed.text("detail")).contains("unsigned.json");

        // the REST upload with an API key is the devices' door too
        ApiClient.Response rest = project.http.multipart(
                project.base + "/samples", device, SampleHttp.Part.file("image.png", SampleFiles.png(8, 8)));
        assertThat(rest.status()).isEqualTo(401);

        ApiClient.Response signed = data(SampleFiles.eiJsonSigned(5, 20, hmacKey), device);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        ApiClient.Response wrongKey = data(SampleFiles.eiJsonSigned(6, 20, "not-the-fleet-key"), device);
        assertThat(wrongKey.status())
                .as("issue #18: a signature the project's keys disprove is refused as not verified")
                .isEqualTo(401);
        assertThat(wrongKey.text("detail")).contains("does not match any of the project's HMAC keys");

        // people are accountable by their sign-in: a member's upload is not refused
        assertThat(project.upload("", SampleHttp.Part.file("by-hand.csv", SampleFiles.csv(20, 10)))
                        .size())
                .isEqualTo(1);

        // what was stored: the signed message (and the earlier signed file of the refused batch) and the member's
        assertThat(project.listAll(""))
                .extracting(s -> s.get("name").asString())
                .containsExactlyInAnyOrder("m", "signed", "by-hand");

        requireSignedData(false);
        assertThat(data(SampleFiles.eiJson(7, 20), device).status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsChangeTheSetting() {
        ApiClient.Response byMember = project.client.patch(
                project.base,
                Map.of("requireSignedData", true),
                project.member("member").auth());
        assertThat(byMember.status()).isEqualTo(403);
        ApiClient.Response byIngestKey = project.client.patch(project.base, Map.of("requireSignedData", true), device);
        assertThat(byIngestKey.status()).isEqualTo(403);
        assertThat(project.client
                        .get(project.base, project.auth())
                        .json()
                        .path("requireSignedData")
                        .asBoolean())
                .isFalse();
    }
}
