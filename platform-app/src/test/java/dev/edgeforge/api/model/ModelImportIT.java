package dev.edgeforge.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.app.testing.OwnedProject;
import dev.edgeforge.core.learning.Activation;
import dev.edgeforge.core.learning.LayerSpec;
import dev.edgeforge.core.learning.LearningBlock;
import dev.edgeforge.core.learning.TensorShape;
import dev.edgeforge.core.learning.TrainedLayer;
import dev.edgeforge.core.learning.TrainedNetwork;
import dev.edgeforge.core.learning.WeightTensor;
import dev.edgeforge.core.learning.export.TrainedNetworkConverter;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.tflite.TfliteReader;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.infra.storage.ObjectStore;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Bring your own model over REST: the four MLPerf Tiny int8 files import with their graph figures and download
 * unchanged; hostile files are refused with a 400 naming the problem; a float32 file is quantized only when the
 * project has features to calibrate with.
 */
@IntegrationTest
class ModelImportIT extends OwnedProject {

    private static final List<String> MLPERF =
            List.of("kws_ref_model", "pretrainedResnet_quant", "vww_96_int8", "ad01_int8");

    @Autowired
    ObjectStore store;

    @Autowired
    TestModelPorts.Registry registry;

    ModelImportIT() {
        super("importer", "Imports");
    }

    @Test
    void importsTheFourMlperfTinyModels() throws Exception {
        for (String name : MLPERF) {
            byte[] file = Files.readAllBytes(mlperfDirectory().resolve(name + ".tflite"));

            ApiClient.Response imported =
                    ModelTesting.upload(port, owner, base + "/models/import", "file", name + ".tflite", file);

            assertThat(imported.status()).as(name + ": " + imported.body()).isEqualTo(201);
            JsonNode model = imported.json();
            assertThat(model.path("name").asString()).isEqualTo(name);
            assertThat(model.path("source").asString()).isEqualTo("imported");
            assertThat(model.path("state").asString()).isEqualTo("ready");
            assertThat(model.path("variants").path("int8").asBoolean()).isTrue();
            assertThat(model.path("variants").path("float32").asBoolean()).isFalse();
            JsonNode size = model.path("sizes").path("int8");
            assertThat(size.path("fileBytes").asLong()).isEqualTo(file.length);
            assertThat(size.path("parameters").asLong()).isPositive();
            assertThat(size.path("macs").asLong()).isPositive();
            assertThat(size.path("arenaBytes").asInt()).isPositive();
            ModelGraph graph = new TfliteReader().read(file);
            assertThat(ModelViews.elementCount(model.path("inputShape")))
                    .isEqualTo(graph.inputTensor(0).elementCount());

            HttpResponse<byte[]> download = ModelTesting.download(
                    port, owner, base + "/models/" + model.path("id").asString() + "/tflite?variant=int8");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(file);
            assertThat(ModelTesting.download(
                                    port,
                                    owner,
                                    base + "/models/" + model.path("id").asString() + "/tflite?variant=float32")
                            .statusCode())
                    .isEqualTo(409);
            if (name.equals("kws_ref_model")) {
                // the DS-CNN's parameter count as its README states it
                assertThat(size.path("parameters").asLong()).isEqualTo(22_604);
            }
        }
        assertThat(client.get(base + "/models", owner.auth()).json().size()).isEqualTo(MLPERF.size());
    }

    @Test
    void hostileFilesGetA400NamingTheProblem() throws Exception {
        byte[] kws = Files.readAllBytes(mlperfDirectory().resolve("kws_ref_model.tflite"));
        byte[] random = new byte[4096];
        new Random(5).nextBytes(random);
        Map<String, byte[]> files = Map.of(
                "truncated.tflite", Arrays.copyOf(kws, kws.length / 2),
                "random.tflite", random,
                "huge-vector.tflite", withHugeBuffersVector(kws),
                "tiny.tflite", new byte[] {1, 2, 3},
                "text.tflite", "this is not a model".getBytes(StandardCharsets.UTF_8));

        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            ApiClient.Response refused =
                    ModelTesting.upload(port, owner, base + "/models/import", "file", file.getKey(), file.getValue());

            assertThat(refused.status())
                    .as(file.getKey() + ": " + refused.body())
                    .isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("tflite-invalid");
            String prefix = "The file '" + file.getKey() + "' is not a usable TFLite model: ";
            assertThat(refused.text("detail")).startsWith(prefix);
            assertThat(refused.text("detail").length())
                    .as(refused.text("detail"))
                    .isGreaterThan(prefix.length() + 10);
            assertThat(refused.body()).doesNotContain("at dev.edgeforge").doesNotContain("Exception");
        }
        ApiClient.Response huge = ModelTesting.upload(
                port, owner, base + "/models/import", "file", "huge.tflite", withHugeBuffersVector(kws));
        assertThat(huge.text("detail")).contains("2147483647");
        assertThat(client.get(base + "/models", owner.auth()).json().size()).isZero();

        ApiClient.Response tooLarge = ModelTesting.upload(
                port, owner, base + "/models/import", "file", "big.tflite", new byte[17 * 1024 * 1024]);
        assertThat(tooLarge.status()).isEqualTo(413);
        ApiClient.Response anomaly =
                ModelTesting.upload(port, owner, base + "/models/import", "file", "kws.tflite", kws, "kind", "anomaly");
        assertThat(anomaly.status()).isEqualTo(400);
        assertThat(anomaly.json().path("errors").get(0).path("field").asString())
                .isEqualTo("kind");
    }

    @Test
    void aFloat32ModelIsQuantizedOnlyWithACalibrationSet() throws Exception {
        byte[] float32 = new TfliteWriter().write(new TrainedNetworkConverter().convert(denseNetwork()));

        ApiClient.Response uncalibrated = ModelTesting.upload(
                port, owner, base + "/models/import", "file", "dense.tflite", float32, "name", "Dense float32");
        assertThat(uncalibrated.status()).as(uncalibrated.body()).isEqualTo(201);
        assertThat(uncalibrated.json().path("variants").path("float32").asBoolean())
                .isTrue();
        assertThat(uncalibrated.json().path("variants").path("int8").asBoolean())
                .isFalse();
        assertThat(uncalibrated
                        .json()
                        .path("variants")
                        .path("int8UnavailableReason")
                        .asString())
                .contains("No calibration set");
        ApiClient.Response noInt8 =
                client.get(base + "/models/" + uncalibrated.text("id") + "/tflite?variant=int8", owner.auth());
        assertThat(noInt8.status()).isEqualTo(409);
        assertThat(noInt8.text("detail")).contains("No calibration set");

        GestureProject.classic(projectId, store, registry);
        ApiClient.Response calibrated = ModelTesting.upload(
                port, owner, base + "/models/import", "file", "dense.tflite", float32, "impulseVersion", "1");
        assertThat(calibrated.status()).as(calibrated.body()).isEqualTo(201);
        JsonNode model = calibrated.json();
        assertThat(model.path("variants").path("int8").asBoolean()).isTrue();
        assertThat(model.path("sizes").path("int8").path("fileBytes").asLong())
                .isLessThan(
                        model.path("sizes").path("float32").path("fileBytes").asLong());
        HttpResponse<byte[]> int8 = ModelTesting.download(
                port, owner, base + "/models/" + model.path("id").asString() + "/tflite?variant=int8");
        assertThat(new TfliteReader().read(int8.body()).inputTensor(0).type()).isEqualTo(DataType.INT8);

        // an imported model with labels and an impulse can be tested and classify samples
        ApiClient.Response test = client.post(
                base + "/jobs/test", Map.of("modelId", model.path("id").asString()), owner.auth());
        assertThat(test.status()).as(test.body()).isEqualTo(202);
        ModelTesting.awaitJob(client, owner, UUID.fromString(test.text("jobId")), "succeeded", Duration.ofSeconds(60));
        JsonNode predictions = client.get(
                        base + "/models/" + model.path("id").asString() + "/predictions", owner.auth())
                .json();
        for (int i = 0; i < 50 && predictions.path("rows").isEmpty(); i++) {
            ModelTesting.sleep(200);
            predictions = client.get(base + "/models/" + model.path("id").asString() + "/predictions", owner.auth())
                    .json();
        }
        assertThat(predictions.path("rows").size()).isPositive();
        assertThat(predictions.path("rows").get(0).path("int8Scores").size()).isEqualTo(4);

        User viewer = TestUsers.register(client, "import-viewer");
        client.post(base + "/members", Map.of("email", viewer.email(), "role", "viewer"), owner.auth());
        assertThat(ModelTesting.upload(port, viewer, base + "/models/import", "file", "dense.tflite", float32)
                        .status())
                .isEqualTo(403);
    }

    /** A dense 33 → 4 softmax classifier with seeded random weights, labelled with the gestures. */
    private static TrainedNetwork denseNetwork() {
        Random random = new Random(3);
        float[] weights = new float[4 * 33];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian() * 0.3f;
        }
        float[] bias = {0.1f, -0.1f, 0.05f, 0f};
        List<TrainedLayer> layers = List.of(
                TrainedLayer.weighted(
                        LayerSpec.dense(4, Activation.NONE),
                        TensorShape.of(4),
                        WeightTensor.of(TensorShape.of(4, 33), weights),
                        WeightTensor.of(TensorShape.of(4), bias)),
                TrainedLayer.of(LayerSpec.softmax(), TensorShape.of(4)));
        return new TrainedNetwork(
                LearningBlock.Kind.CLASSIFICATION,
                TensorShape.of(33),
                List.of("circle", "idle", "updown", "wave"),
                layers);
    }

    /** The file with the length of the model's {@code buffers} vector (Model field 4) set to 2^31 - 1. */
    static byte[] withHugeBuffersVector(byte[] tflite) {
        byte[] copy = tflite.clone();
        ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        int root = buffer.getInt(0);
        int vtable = root - buffer.getInt(root);
        int buffersField = Short.toUnsignedInt(buffer.getShort(vtable + 4 + 2 * 4));
        assertThat(buffersField).as("the model table has a buffers field").isPositive();
        int fieldPosition = root + buffersField;
        int vector = fieldPosition + buffer.getInt(fieldPosition);
        buffer.putInt(vector, Integer.MAX_VALUE);
        return copy;
    }

    /** {@code shared/models/mlperf-tiny}, found by walking up from the working directory. */
    static Path mlperfDirectory() throws IOException {
        Path relative = Path.of("shared", "models", "mlperf-tiny");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IOException(
                "shared/models/mlperf-tiny not found above " + Path.of("").toAbsolutePath());
    }
}
