package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ApiClient.Auth;
import dev.edgeforge.api.support.SecurityTestServer;
import dev.edgeforge.core.format.ei.EiAcquisitionWriter;
import dev.edgeforge.core.format.ei.EiSigning;
import dev.edgeforge.core.model.Activation;
import dev.edgeforge.core.model.DataType;
import dev.edgeforge.core.model.FullyConnectedOptions;
import dev.edgeforge.core.model.ModelGraph;
import dev.edgeforge.core.model.OpType;
import dev.edgeforge.core.model.SoftmaxOptions;
import dev.edgeforge.core.quantization.PostTrainingQuantizer;
import dev.edgeforge.core.tflite.TfliteWriter;
import dev.edgeforge.infra.storage.ObjectStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue #10, item 7: the catalogue of hostile inputs, one named case each, through the real endpoints (the Edge
 * Impulse device endpoints, the REST upload, the model import). Each refused input gets its 4xx with a problem code
 * and a message naming the problem, and leaves nothing behind: no sample or model row, no object of the project, no
 * spooled file. Inputs that are dangerous only by their names (path traversal) are stored under harmless names and
 * write nothing outside the object store.
 *
 * <p><b>Replays.</b> Edge Impulse signs the whole message, {@code protected.iat} included, so a replay is the same
 * bytes sent again: a duplicate. Without {@code x-disallow-duplicates} it is stored again, as Edge Impulse does (the
 * sample rows share one object); with it, the replay is refused with 409 {@code duplicate-sample} naming the sample
 * already there. A device that wants replays refused sends the header (and an {@code iat}, so that two honest
 * readings with equal values differ).
 */
@SecurityTestServer
class HostileInputIT {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore objects;

    @Autowired
    UploadSpooler spooler;

    @Autowired
    DataSource dataSource;

    @Value("${edgeforge.data-dir}")
    Path dataDir;

    TestProject project;
    Auth device;

    @BeforeEach
    void setUp() {
        project = TestProject.create(port, "Hostile");
        device = Auth.apiKey(project.apiKey("ingest"));
    }

    // ---- one message on the Edge Impulse /data endpoint: a problem detail ----

    @Test
    void truncatedJson() throws Exception {
        byte[] json = SampleFiles.eiJson(1, 50);
        refusedData(
                "idle.json",
                Arrays.copyOf(json, json.length / 2),
                "application/json",
                400,
                "sample-malformed",
                "idle.json: not valid JSON");
    }

    @Test
    void truncatedCbor() throws Exception {
        byte[] cbor = SampleFiles.eiCbor(2, 50);
        refusedData(
                "idle.cbor",
                Arrays.copyOf(cbor, cbor.length - 7),
                "application/cbor",
                400,
                "sample-malformed",
                "idle.cbor: not valid CBOR");
    }

    @Test
    void jsonNestedAHundredThousandDeep() throws Exception {
        // in a field the reader skips, where only the nesting limit stops it
        String deep = "{\"protected\":{\"ver\":\"v1\",\"alg\":\"none\"},\"signature\":\"\",\"payload\":{"
                + "\"interval_ms\":10,\"sensors\":[{\"name\":\"a\"}],\"values\":[1],\"x\":"
                + "[".repeat(100_000) + "]".repeat(100_000) + "}}";
        refusedData(
                "deep.json",
                deep.getBytes(StandardCharsets.US_ASCII),
                "application/json",
                400,
                "sample-malformed",
                "nesting depth");
    }

    @Test
    void invalidUtf8InJson() throws Exception {
        byte[] json = SampleFiles.eiJson(3, 20);
        int at = indexOf(json, "accY".getBytes(StandardCharsets.US_ASCII)) + 2;
        refusedData(
                "bad.json",
                splice(json, at, new byte[] {(byte) 0xC3, '('}),
                "application/json",
                400,
                "sample-malformed",
                "Invalid UTF-8");
    }

    @Test
    void nulCharacterInASensorName() throws Exception {
        String json =
                new String(SampleFiles.eiJson(4, 20), StandardCharsets.UTF_8).replace("\"accY\"", "\"acc\\u0000Y\"");
        refusedData(
                "nul.json", json.getBytes(StandardCharsets.UTF_8), "application/json", 400, "sample-malformed", "NUL");
    }

    @Test
    void cborDeclaringATwoGigabyteString() throws Exception {
        byte[] cbor = SampleFiles.eiCbor(5, 20);
        int at = indexOf(cbor, new byte[] {0x6B, 'd', 'e', 'v', 'i', 'c', 'e', '_', 'n', 'a', 'm', 'e'}) + 12;
        byte[] giant = splice(cbor, at, new byte[] {0x7A, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        refusedData("giant.cbor", giant, "application/cbor", 400, "sample-malformed", "giant.cbor: not valid CBOR");
    }

    /**
     * Issue #18 (as Edge Impulse does): a signature the project's keys disprove is stored and marked {@code invalid};
     * only a project that requires signed data refuses it, with 401 and nothing left.
     */
    @Test
    void hmacSignedWithAnotherKey() throws Exception {
        project.hmacKey("devices");
        byte[] json = SampleFiles.eiJsonSigned(6, 20, "someone else's key");
        requireSignedData(true);
        refusedData(
                "idle.json",
                json,
                "application/json",
                401,
                "signed-data-required",
                "its signature does not match any of the project's HMAC keys");
        requireSignedData(false);
        assertStoredAs("idle.json", json, "invalid");
    }

    @Test
    void hmacSignatureFieldMissing() throws Exception {
        String secret = project.hmacKey("devices");
        String json = new String(SampleFiles.eiJsonSigned(7, 20, secret), StandardCharsets.UTF_8)
                .replaceFirst("\"signature\":\"[0-9a-f]{64}\",", "");
        refusedData(
                "idle.json",
                json.getBytes(StandardCharsets.UTF_8),
                "application/json",
                400,
                "sample-malformed",
                "'signature' is missing");
    }

    @Test
    void hmacAlgorithmWithAnEmptySignature() throws Exception {
        String secret = project.hmacKey("devices");
        String json = new String(SampleFiles.eiJsonSigned(8, 20, secret), StandardCharsets.UTF_8)
                .replaceFirst("\"signature\":\"[0-9a-f]{64}\"", "\"signature\":\"\"");
        requireSignedData(true);
        refusedData(
                "idle.json",
                json.getBytes(StandardCharsets.UTF_8),
                "application/json",
                401,
                "signed-data-required",
                "its signature does not match any of the project's HMAC keys");
        requireSignedData(false);
        assertStoredAs("idle.json", json.getBytes(StandardCharsets.UTF_8), "invalid");
    }

    @Test
    void bodyOverTheUploadLimit() throws Exception {
        byte[] big = new byte[Integer.parseInt(SecurityTestServer.MAX_UPLOAD_BYTES) + 1];
        Arrays.fill(big, (byte) ' ');
        refusedData("big.json", big, "application/json", 413, "upload-too-large", "more than the limit of 1 MB");
    }

    @Test
    void replayedSignedMessageIsADuplicate() throws Exception {
        String secret = project.hmacKey("devices");
        byte[] signed = EiAcquisitionWriter.writeJson(
                SampleFiles.accelerometer(9, 20), EiSigning.hs256(secret).withIssuedAt(1_750_000_000L));
        ApiClient.Response first = data("reading.json", signed, "application/json");
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        // without x-disallow-duplicates a replay is stored again, as Edge Impulse does: one object, two rows
        ApiClient.Response replay = data("reading.json", signed, "application/json");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(sampleRows()).isEqualTo(2);
        assertThat(objectKeys()).hasSize(1);

        ApiClient.Response refused = data("reading.json", signed, "application/json", "x-disallow-duplicates", "1");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("duplicate-sample");
        assertThat(refused.text("detail"))
                .contains("already exists")
                .contains(first.headers().firstValue("x-sample-id").orElseThrow());
        assertThat(sampleRows()).isEqualTo(2);
        assertThat(objectKeys()).hasSize(1);
    }

    @Test
    void nulCharacterInARename() throws Exception {
        UUID id = project.uploadOne("", "idle.json", SampleFiles.eiJson(16, 20));
        ApiClient.Response renamed =
                project.client.patch(project.base + "/samples/" + id, Map.of("name", "idle\0evil"), project.auth());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(400);
        assertThat(renamed.text("code")).isEqualTo("text-not-storable");
        assertThat(renamed.text("detail")).contains("NUL character (U+0000)");
        assertThat(project.sample(id).get("name").asString()).isEqualTo("idle");
    }

    // ---- files on the Edge Impulse /files endpoint: 400 when none was stored, one result per file ----

    @Test
    void malformedCsv() throws Exception {
        refusedFile(
                "walk.csv",
                SampleFiles.text("timestamp,x,y\n0,1,2\n10,3\n"),
                "sample-malformed",
                "walk.csv: row 3: 2 values, header has 3");
    }

    @Test
    void csvCellOfTwoHundredThousandDigits() throws Exception {
        long started = System.nanoTime();
        refusedFile(
                "long.csv",
                SampleFiles.text("timestamp,x\n0,1\n10," + "1".repeat(200_000) + "x\n"),
                "sample-malformed",
                "is not a number");
        assertThat((System.nanoTime() - started) / 1e9).as("seconds to refuse").isLessThan(10);
    }

    @Test
    void truncatedWav() throws Exception {
        byte[] wav = SampleFiles.wav(8000, 200, 0, 100);
        refusedFile("yes.wav", Arrays.copyOf(wav, wav.length - 101), "sample-malformed", "truncated file");
    }

    @Test
    void wavDeclaringAFourGigabyteDataChunk() throws Exception {
        byte[] wav = SampleFiles.wav(8000, 100, 0, 50);
        int data = indexOf(wav, "data".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(data + 4, -1);
        refusedFile("giant.wav", wav, "sample-malformed", "declares 4294967295 bytes");
    }

    @Test
    void truncatedPng() throws Exception {
        byte[] png = SampleFiles.png(20, 10);
        refusedFile("car.png", Arrays.copyOf(png, png.length - 20), "sample-malformed", "car.png: PNG");
    }

    @Test
    void pngDeclaringTenBillionPixels() throws Exception {
        // a decompression bomb's header: 100,000 × 100,000 pixels in a file of a few dozen bytes
        byte[] png = SampleFiles.png(2, 2);
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 100_000).putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        refusedFile("bomb.png", png, "upload-too-large", "image of 100000x100000 pixels exceeds the limit");
    }

    @Test
    void truncatedJpeg() throws Exception {
        byte[] jpeg = jpeg();
        refusedFile("cat.jpg", Arrays.copyOf(jpeg, jpeg.length / 3), "sample-malformed", "cat.jpg: JPEG");
    }

    @Test
    void labelsSidecarWithAHugeVersion() throws Exception {
        ApiClient.Response response = project.http.multipart(
                "/api/training/files",
                device,
                List.of(),
                SampleHttp.Part.file("data", "info.labels", SampleFiles.text("{\"version\":2147483648,\"files\":[]}")));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode file = response.json().get("files").get(0);
        assertThat(file.get("code").asString()).isEqualTo("labels-file-invalid");
        assertThat(file.get("error").asString()).contains("version 2147483648 is not supported");
        assertNothingLeft();
    }

    @Test
    void zipEntryWithAnInvalidUtf8Name() throws Exception {
        byte[] zip = ZipFiles.zip(Map.of("idle.json", SampleFiles.eiJson(10, 20)));
        // the name's bytes, in the local header and the central directory, become a byte that is not UTF-8
        int local = indexOf(zip, "idle.json".getBytes(StandardCharsets.US_ASCII));
        zip[local] = (byte) 0xFF;
        zip[
                        indexOf(
                                        Arrays.copyOfRange(zip, local + 1, zip.length),
                                        "idle.json".getBytes(StandardCharsets.US_ASCII))
                                + local
                                + 1] =
                (byte) 0xFF;
        refusedFile("names.zip", zip, "sample-malformed", "names.zip: not a readable ZIP archive");
    }

    // ---- the REST upload ----

    @Test
    void zipCompressionBomb() throws Exception {
        ApiClient.Response response = project.http.multipart(
                project.base + "/samples",
                project.auth(),
                SampleHttp.Part.file("bomb.zip", ZipFiles.csvBomb(4, 900 * 1024)));
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.text("code")).isEqualTo("compression-bomb");
        assertThat(response.text("detail")).contains("'bomb.zip' looks like a compression bomb");
        assertNothingLeft();
    }

    @Test
    void pathTraversalInZipEntriesIsStoredUnderHarmlessNames() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../evil.json", SampleFiles.eiJson(11, 20));
        entries.put("/abs.json", SampleFiles.eiJson(12, 20));
        entries.put("C:\\x.json", SampleFiles.eiJson(13, 20));
        entries.put("../../../../../../tmp/deep/../../etc/cron.d/evil2.json", SampleFiles.eiJson(14, 20));
        JsonNode files = project.upload("", SampleHttp.Part.file("traversal.zip", ZipFiles.zip(entries)));
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.get("name").asString()));
        assertThat(names).containsExactly("evil", "abs", "x", "evil2");
        assertNothingWrittenOutsideTheStore("evil.json", "abs.json", "x.json", "evil2.json");
    }

    @Test
    void pathTraversalInTheFileNameHeaderIsStoredUnderAHarmlessName() throws Exception {
        ApiClient.Response stored = data("../../etc/passwd", SampleFiles.eiJson(15, 20), "application/json");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).isEqualTo("passwd");
        ApiClient.Response sample = project.client.get(
                project.base + "/samples/"
                        + stored.headers().firstValue("x-sample-id").orElseThrow(),
                project.auth());
        assertThat(sample.text("name")).isEqualTo("passwd");
        assertNothingWrittenOutsideTheStore("passwd");
    }

    // ---- the model import ----

    @Test
    void tfliteWithAnOffsetOutOfRange() throws Exception {
        byte[] model = tinyModel();
        ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x7FFFFFF0);
        refusedModel("offset.tflite", model, 400, "tflite-invalid", "past the end of the file");
    }

    @Test
    void tfliteWithACyclicGraph() throws Exception {
        // the FULLY_CONNECTED operator (inputs 0, 1, 2) reads tensor 4, which the SOFTMAX after it writes
        byte[] model = tinyModel();
        int inputs = indexOfOnly(model, le(3, 0, 1, 2));
        ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).putInt(inputs + 4, 4);
        refusedModel("cycle.tflite", model, 400, "tflite-invalid", "before any operator writes it");
    }

    @Test
    void tfliteWithAGiantShape() throws Exception {
        // the input tensor's shape [1, 8] becomes [1, 2147483647]
        byte[] model = tinyModel();
        int shape = indexOfOnly(model, le(2, 1, 8));
        ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).putInt(shape + 8, Integer.MAX_VALUE);
        refusedModel("giant.tflite", model, 400, "tflite-invalid", "activation of 2147483647 bytes exceeds the limit");
    }

    @Test
    void tfliteOverTheImportLimit() throws Exception {
        byte[] model = Arrays.copyOf(tinyModel(), Integer.parseInt(SecurityTestServer.MAX_UPLOAD_BYTES) + 1);
        ApiClient.Response response = project.http.multipart(
                project.base + "/models/import", project.auth(), SampleHttp.Part.file("file", "huge.tflite", model));
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        // the multipart limit (the same 1 MiB) stops it before the import reads it
        assertThat(response.text("code")).isEqualTo("upload-too-large");
        assertThat(response.text("detail")).contains("A file is larger than 1 MB");
        assertNothingLeft();
    }

    // ---- helpers ----

    private ApiClient.Response data(String fileName, byte[] body, String contentType, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", contentType, "x-file-name", fileName));
        all.addAll(List.of(headers));
        return project.http.send("POST", "/api/training/data", body, device, all);
    }

    private void requireSignedData(boolean required) {
        ApiClient.Response changed =
                project.client.patch(project.base, Map.of("requireSignedData", required), project.auth());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    }

    /** Without "require signed data" the message is stored, its signature status marked (issue #18). */
    private void assertStoredAs(String fileName, byte[] body, String signature) {
        ApiClient.Response stored = data(fileName, body, "application/json");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        String id = stored.header("x-sample-id").orElseThrow();
        assertThat(project.sample(UUID.fromString(id)).get("signature").asString())
                .isEqualTo(signature);
    }

    private void refusedData(String fileName, byte[] body, String contentType, int status, String code, String problem)
            throws Exception {
        ApiClient.Response response = data(fileName, body, contentType);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("detail")).contains(problem);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.edgeforge");
        assertNothingLeft();
    }

    private void refusedFile(String fileName, byte[] content, String code, String problem) throws Exception {
        ApiClient.Response response = project.http.multipart(
                "/api/training/files", device, List.of(), SampleHttp.Part.file("data", fileName, content));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode file = response.json().get("files").get(0);
        assertThat(file.get("success").asBoolean()).isFalse();
        assertThat(file.get("code").asString()).as(response.body()).isEqualTo(code);
        assertThat(file.get("error").asString()).contains(problem);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.edgeforge");
        assertNothingLeft();
    }

    private void refusedModel(String fileName, byte[] model, int status, String code, String problem) throws Exception {
        ApiClient.Response response = project.http.multipart(
                project.base + "/models/import", project.auth(), SampleHttp.Part.file("file", fileName, model));
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("detail"))
                .startsWith("The file '" + fileName + "' is not a usable TFLite model: ")
                .contains(problem);
        assertNothingLeft();
    }

    private long sampleRows() {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM sample WHERE project_id = :project")
                .param("project", project.id)
                .query(Long.class)
                .single();
    }

    private long modelRows() {
        return JdbcClient.create(dataSource)
                .sql("SELECT count(*) FROM model WHERE project_id = :project")
                .param("project", project.id)
                .query(Long.class)
                .single();
    }

    private List<String> objectKeys() {
        try (Stream<String> keys = objects.list("projects/" + project.id + "/").map(o -> o.key())) {
            return keys.toList();
        }
    }

    /** No sample or model row of the project, no object of it, and (once the container drops its part files) no
     *  spooled file. */
    private void assertNothingLeft() throws IOException, InterruptedException {
        assertThat(sampleRows()).as("sample rows").isZero();
        assertThat(modelRows()).as("model rows").isZero();
        assertThat(objectKeys()).as("objects of the project").isEmpty();
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<Path> left;
        do {
            try (Stream<Path> files = Files.list(spooler.directory())) {
                left = files.filter(Files::isRegularFile).toList();
            }
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("files left in " + spooler.directory()).isEmpty();
    }

    /**
     * Nothing bears the traversal targets' names in the data directory (where every relative path the server uses
     * starts) or beside it, and the data directory holds only the object store, the database, its superuser password
     * (owner-only, beside the database's directory: docs/security.md) and the spool.
     */
    private void assertNothingWrittenOutsideTheStore(String... names) throws IOException {
        Path root = dataDir.toAbsolutePath().normalize();
        List<String> targets = Arrays.asList(names);
        List<Path> named = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (targets.contains(file.getFileName().toString())) {
                    named.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // PostgreSQL's files come and go while we look
            }
        });
        try (Stream<Path> beside = Files.list(root.getParent())) {
            beside.filter(p -> targets.contains(p.getFileName().toString())).forEach(named::add);
        }
        assertThat(named).as("files named like the traversal targets").isEmpty();
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString()).toList())
                    .as("entries of " + root)
                    .isSubsetOf("objects", "postgres", "postgres.password", "tmp");
        }
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(1);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** Eight features to three classes, int8, a valid model to damage. */
    private static byte[] tinyModel() {
        Random random = new Random(7);
        float[] weights = new float[24];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) random.nextGaussian();
        }
        ModelGraph.Builder g = ModelGraph.builder();
        int in = g.addTensor("features", DataType.FLOAT32, new int[] {1, 8});
        int w = g.addFloatConstant("weights", new int[] {3, 8}, weights);
        int c = g.addFloatConstant("bias", new int[] {3}, new float[] {0.1f, -0.2f, 0.3f});
        int logits = g.addTensor("logits", DataType.FLOAT32, new int[] {1, 3});
        int out = g.addTensor("probabilities", DataType.FLOAT32, new int[] {1, 3});
        g.addOperator(
                OpType.FULLY_CONNECTED, FullyConnectedOptions.of(Activation.NONE), new int[] {in, w, c}, new int[] {
                    logits
                });
        g.addOperator(OpType.SOFTMAX, new SoftmaxOptions(1f), new int[] {logits}, new int[] {out});
        List<float[]> calibration = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            float[] window = new float[8];
            for (int f = 0; f < 8; f++) {
                window[f] = (float) random.nextGaussian();
            }
            calibration.add(window);
        }
        return new TfliteWriter()
                .write(new PostTrainingQuantizer()
                        .quantize(g.setInputs(in).setOutputs(out).build(), calibration));
    }

    private static byte[] le(int... ints) {
        ByteBuffer b = ByteBuffer.allocate(4 * ints.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : ints) {
            b.putInt(i);
        }
        return b.array();
    }

    private static byte[] splice(byte[] bytes, int at, byte[] insert) {
        byte[] out = new byte[bytes.length + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at, out, at + insert.length, bytes.length - at);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found");
    }

    /** Where {@code needle} is, asserting it occurs once (so the case damages what it says). */
    private static int indexOfOnly(byte[] haystack, byte[] needle) {
        int first = indexOf(haystack, needle);
        assertThat(Arrays.copyOfRange(haystack, first + 1, haystack.length))
                .as("a second occurrence")
                .satisfies(rest -> {
                    try {
                        indexOf(rest, needle);
                        throw new AssertionError("the pattern occurs twice");
                    } catch (IllegalArgumentException once) {
                        // as it should
                    }
                });
        return first;
    }
}
