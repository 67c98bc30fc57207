package dev.edgeforge.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.cli.EdgeForgeCli;
import dev.edgeforge.cli.session.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line for scripts against the whole platform (server and in-process workers), run in-process as
 * {@code ./edgeforge cli} runs it: sign in, create a project and an API key, upload folders of real recordings
 * (fsdd-dev's spoken digits, labels from the file names), save an audio impulse, generate features, train, test,
 * deploy to the emulated board and download the bundle, list and cancel jobs; a file the platform refuses (a signed
 * Edge Impulse export without its key) fails on its own line, the server's refusals come out as their problem's
 * title and detail with exit code 1, and no secret but the API key asked for is ever printed.
 */
@IntegrationTest
class CliEndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Spoken "zero" and "one" of fsdd-dev's three speakers: indices 5-14 train, 0-2 test (the usual split). */
    private static final int TRAINING_FILES = 2 * 3 * 10;

    private static final int TESTING_FILES = 2 * 3 * 3;

    /** One-second windows of the 8 kHz recordings, MFCC with its defaults; the learning block the server's default. */
    private static final String AUDIO_IMPULSE = """
            {"version": 1,
             "input": {"type": "audio", "windowSizeMs": 1000, "windowStrideMs": 500, "frequencyHz": 8000},
             "processingBlocks": [{"id": 1, "name": "MFCC", "axes": ["audio"], "params": {"type": "mfcc"}}],
             "learningBlocks": []}
            """;

    @LocalServerPort
    int port;

    @TempDir
    Path work;

    /** Everything the CLI printed in this test, to look for secrets in. */
    private final StringBuilder printed = new StringBuilder();

    @Test
    void aScriptGoesFromFilesToADownloadedVerifiedFirmware() throws Exception {
        ApiClient api = ApiClient.stateless(port);
        User user = TestUsers.register(api, "cli");
        Path recordings = spokenDigits();

        // login: the password from standard input, a personal token kept in an owner-only file
        Run login = cliWithInput(user.password() + "\n", "login", "--email", user.email(), "--password-stdin");
        assertThat(login.code()).as(login.err()).isZero();
        Path config = work.resolve("config.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
                .isEqualTo("rw-------");
        String personalToken = JSON.readTree(config.toFile()).get("token").asString();
        assertThat(api.get("/api/v1/auth/me", bearer(personalToken)).text("email"))
                .isEqualTo(user.email());

        Run created = cli("projects", "create", "CLI end to end", "--description", "driven by CliEndToEndIT");
        assertThat(created.code()).as(created.err()).isZero();
        String projectId = created.out().strip();
        assertThat(UUID.fromString(projectId)).isNotNull();
        assertThat(cli("projects").out()).contains(projectId + "\towner\tCLI end to end");

        Run key = cli("api-keys", "create", "ci", "--scope", "ingest", "--project", projectId);
        assertThat(key.code()).as(key.err()).isZero();
        String apiKey = key.out().strip();
        assertThat(cli("api-keys", "--project", projectId).out())
                .contains("\tingest\tci")
                .doesNotContain(apiKey);

        // upload folders with the API key; labels from the file names ("zero.jackson_5.wav" is "zero")
        Path trainingFolder = recordings.resolve("training");
        Run keyWithoutProject = cli("upload", "--api-key", apiKey, trainingFolder.toString());
        assertThat(keyWithoutProject.code()).isEqualTo(2);
        assertThat(keyWithoutProject.err()).contains("ingest-only key", "--project ID");
        Run training = cli("upload", "--api-key", apiKey, "--project", projectId, trainingFolder.toString());
        assertThat(training.code()).as(training.out() + training.err()).isZero();
        Run testing = cli(
                "upload",
                "--api-key",
                apiKey,
                "--project",
                projectId,
                "--category",
                "testing",
                recordings.resolve("testing").toString());
        assertThat(testing.code()).as(testing.out() + testing.err()).isZero();
        assertThat(resultLines(training)).hasSize(TRAINING_FILES).allMatch(line -> line.startsWith("ok\t"));
        assertThat(resultLines(testing)).hasSize(TESTING_FILES).allMatch(line -> line.startsWith("ok\t"));
        assertThat(training.out()).contains("ok\tzero.jackson_5.wav\tzero\ttraining\t");
        assertThat(testing.out()).contains("ok\tone.theo_0.wav\tone\ttesting\t");
        assertThat(training.err()).contains("skipped " + trainingFolder.resolve("README.txt"));
        Set<String> labels = new TreeSet<>();
        for (String line : resultLines(training)) {
            labels.add(line.split("\t")[2]);
        }
        assertThat(labels).containsExactly("one", "zero");
        JsonNode stored = api.get("/api/v1/projects/" + projectId + "/samples?limit=100", bearer(personalToken))
                .json();
        assertThat(stored.get("items").size()).isEqualTo(TRAINING_FILES + TESTING_FILES);

        // the impulse: the default read (version 0), an audio impulse saved (version 1), saved unchanged (still 1)
        Run get = cli("impulse", "get", "--project", projectId);
        assertThat(get.code()).as(get.err()).isZero();
        assertThat(get.err()).contains("version 0", "not saved yet");
        // until one is saved, the impulse read is the one suggested from the WAVs just uploaded (#12)
        assertThat(JSON.readTree(get.out()).get("input").get("type").asString()).isEqualTo("audio");
        Path impulse = Files.writeString(work.resolve("impulse.json"), AUDIO_IMPULSE);
        Run put = cli("impulse", "put", "--project", projectId, impulse.toString());
        assertThat(put.code()).as(put.err()).isZero();
        assertThat(put.out().strip()).isEqualTo("1");
        Run unchanged = cli("impulse", "put", "--project", projectId, impulse.toString());
        assertThat(unchanged.out().strip()).isEqualTo("1");
        assertThat(unchanged.err()).contains("unchanged");
        assertThat(JSON.readTree(cli("impulse", "get", "--project", projectId).out())
                        .get("processingBlocks")
                        .get(0)
                        .get("params")
                        .get("type")
                        .asString())
                .isEqualTo("mfcc");

        Run features = cli("features", "--project", projectId, "--wait");
        assertThat(features.code()).as(features.err()).isZero();
        assertThat(features.err()).contains("features job", "succeeded");

        Run train = cli("train", "--project", projectId, "--epochs", "20", "--name", "cli-model", "--wait");
        assertThat(train.code()).as(train.err()).isZero();
        String modelId = field(train, "model");
        assertThat(train.out())
                .containsPattern("(?m)^testAccuracy [01](\\.[0-9]+)?$")
                .contains("int8TestAccuracy ");
        JsonNode model = api.get("/api/v1/projects/" + projectId + "/models/" + modelId, bearer(personalToken))
                .json();
        assertThat(model.get("name").asString()).isEqualTo("cli-model");
        assertThat(model.get("state").asString()).isEqualTo("ready");

        Run test = cli("test", "--project", projectId, "--wait");
        assertThat(test.code()).as(test.err()).isZero();
        assertThat(field(test, "model")).isEqualTo(modelId);
        assertThat(test.out()).containsPattern("(?m)^[a-zA-Z0-9]*[aA]ccuracy [0-9.]+$");

        // deploy: built, verified on the emulated board, downloaded and checked against the stated SHA-256
        Path bundle = work.resolve("out").resolve("firmware.zip");
        Run deploy = cli(
                "deploy",
                "--project",
                projectId,
                "--target",
                "netduinoplus2-qemu",
                "--format",
                "firmware",
                "--out",
                bundle.toString());
        assertThat(deploy.code()).as(deploy.out() + deploy.err()).isZero();
        assertThat(field(deploy, "verified")).isEqualTo("true");
        byte[] zip = Files.readAllBytes(bundle);
        assertThat(field(deploy, "sha256"))
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(zip)));
        assertThat(zipEntries(zip)).anyMatch(name -> name.endsWith("/firmware.elf"));
        try (Stream<Path> left = Files.list(bundle.getParent())) {
            assertThat(left).as("no partial download left behind").containsExactly(bundle);
        }

        // jobs: the list, a long training cancelled, its log followed to the end
        Run jobs = cli("jobs", "list", "--project", projectId);
        assertThat(jobs.code()).as(jobs.err()).isZero();
        Map<String, String> stateByType = new HashMap<>();
        for (String line : jobs.out().strip().split("\n")) {
            String[] fields = line.split("\t");
            stateByType.putIfAbsent(fields[1], fields[2]);
        }
        assertThat(stateByType)
                .containsEntry("features", "succeeded")
                .containsEntry("train", "succeeded")
                .containsEntry("test", "succeeded")
                .containsEntry("deploy", "succeeded");
        assertThat(cli("jobs", "list", "--project", projectId, "--type", "deploy")
                        .out()
                        .strip()
                        .split("\n"))
                .hasSize(1);

        Run longTraining = cli("train", "--project", projectId, "--epochs", "10000");
        assertThat(longTraining.code()).as(longTraining.err()).isZero();
        String longJob = field(longTraining, "job");
        Run cancel = cli("jobs", "cancel", longJob);
        assertThat(cancel.code()).as(cancel.err()).isZero();
        assertThat(cancel.err()).contains("cancel requested");
        Run followed = cli("jobs", "logs", longJob);
        assertThat(followed.code()).as("a cancelled job is not a success").isEqualTo(1);
        assertThat(followed.err()).contains("train job " + longJob + " cancelled");
        Run trainLog = cli("jobs", "logs", field(train, "job"));
        assertThat(trainLog.code()).isZero();
        assertThat(trainLog.out()).isNotBlank();
        assertThat(JSON.readTree(cli("jobs", "get", longJob).out()).get("state").asString())
                .isEqualTo("cancelled");

        // a file the platform refuses fails on its own line, the others are stored; the exit code says so
        Path mixed = Files.createDirectories(work.resolve("mixed"));
        Files.copy(trainingFolder.resolve("zero.jackson_5.wav"), mixed.resolve("a.wav"));
        // (a signed Studio file would be stored and marked unverified since #18: a truncated message is refused)
        Files.writeString(mixed.resolve("broken.json"), "{\"protected\": {\"ver\": \"v1\", \"alg\": \"none\"");
        Run partly =
                cli("upload", "--project", projectId, "--label", "extra", "--category", "testing", mixed.toString());
        assertThat(partly.code()).isEqualTo(1);
        assertThat(partly.out())
                .contains("ok\ta.wav\textra\ttesting")
                .contains("failed\tbroken.json\tsample-malformed\t");
        assertThat(partly.err()).contains("1 stored, 1 failed");

        // --label-rule: the server labels each file by the rule, as the API's labelRule (#12): fsdd's own names
        Path named = Files.createDirectories(work.resolve("named"));
        Path fsdd = datasets().resolve("fsdd-dev");
        Files.copy(fsdd.resolve("0_jackson_5.wav"), named.resolve("0_jackson_5.wav"));
        Files.copy(fsdd.resolve("1_theo_7.wav"), named.resolve("1_theo_7.wav"));
        Files.copy(fsdd.resolve("1_theo_8.wav"), named.resolve("theo-one.wav"));
        Run byRule = cli(
                "upload",
                "--project",
                projectId,
                "--label-rule",
                "regex:^(\\d+)_",
                "--category",
                "testing",
                named.toString());
        assertThat(byRule.code()).as(byRule.out() + byRule.err()).isEqualTo(1);
        assertThat(byRule.out())
                .contains("ok\t0_jackson_5.wav\t0\ttesting")
                .contains("ok\t1_theo_7.wav\t1\ttesting")
                .contains("failed\ttheo-one.wav\t")
                .contains("has no label by the upload's label rule");
        Run badRule = cli("upload", "--project", projectId, "--label-rule", "regex:^(\\d+_", named.toString());
        assertThat(badRule.code()).isEqualTo(1);
        assertThat(badRule.err()).contains("error: the platform answered 400", "not a usable label rule");
        assertThat(badRule.out()).as("nothing was sent").isEmpty();

        // the server's refusals: its problem's title and detail, exit code 1
        Run badTarget = cli(
                "deploy",
                "--project",
                projectId,
                "--target",
                "esp32",
                "--format",
                "firmware",
                "--out",
                work.resolve("x.zip").toString());
        assertThat(badTarget.code()).isEqualTo(1);
        assertThat(badTarget.err()).contains("error: the platform answered 400", "unknown target 'esp32'");
        assertThat(Files.exists(work.resolve("x.zip"))).isFalse();
        String stranger = UUID.randomUUID().toString();
        Run missing = cli("impulse", "get", "--project", stranger);
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("error: the platform answered 404").contains(stranger);
        Run badKey = cli("upload", "--api-key", "ei_not-a-key", "--project", projectId, mixed.toString());
        assertThat(badKey.code()).isEqualTo(1);
        assertThat(badKey.err()).contains("error: the platform answered 401");

        // secrets: the personal token never printed, the API key only by the command that made it
        assertThat(printed.toString()).doesNotContain(personalToken).doesNotContain(user.password());
        assertThat(printed.toString().split(Pattern.quote(apiKey), -1)).hasSize(2);

        Run logout = cli("logout");
        assertThat(logout.code()).as(logout.err()).isZero();
        assertThat(Files.exists(config)).isFalse();
        assertThat(api.get("/api/v1/auth/me", ApiClient.Auth.bearer(personalToken))
                        .status())
                .as("the token was revoked")
                .isEqualTo(401);
    }

    private Run cli(String... args) {
        return cliWithInput("", args);
    }

    /** Runs the CLI in this JVM as {@code ./edgeforge cli ARGS} would, with its own configuration file. */
    private Run cliWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal terminal = new Terminal(
                Map.of(
                        "EDGEFORGE_URL",
                        "http://localhost:" + port,
                        "EDGEFORGE_CONFIG",
                        work.resolve("config.json").toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out),
                new PrintWriter(err));
        int code = EdgeForgeCli.run(args, terminal);
        printed.append(out).append(err);
        return new Run(code, out.toString(), err.toString(), Arrays.asList(args));
    }

    record Run(int code, String out, String err, List<String> args) {}

    /** The value of a {@code NAME VALUE} line of standard output. */
    private static String field(Run run, String name) {
        return run.out()
                .lines()
                .filter(line -> line.startsWith(name + " "))
                .map(line -> line.substring(name.length() + 1).strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + name + "' line in " + run));
    }

    private static List<String> resultLines(Run run) {
        return run.out()
                .lines()
                .filter(line -> line.startsWith("ok\t") || line.startsWith("failed\t"))
                .toList();
    }

    private static ApiClient.Auth bearer(String token) {
        return ApiClient.Auth.bearer(token);
    }

    /**
     * Real WAV files of fsdd-dev renamed the way Edge Impulse's uploader reads labels ({@code zero.jackson_5.wav}),
     * in {@code training/} and {@code testing/}, with a file of another type that the upload must skip.
     */
    private Path spokenDigits() throws IOException {
        Path fsdd = datasets().resolve("fsdd-dev");
        Path root = work.resolve("digits");
        Files.createDirectories(root.resolve("training"));
        Files.createDirectories(root.resolve("testing"));
        Files.writeString(root.resolve("training").resolve("README.txt"), "spoken digits from fsdd-dev");
        String[] words = {"zero", "one"};
        for (int digit = 0; digit < words.length; digit++) {
            for (String speaker : List.of("jackson", "nicolas", "theo")) {
                for (int index = 0; index < 15; index++) {
                    if (index >= 3 && index < 5) {
                        continue;
                    }
                    Path source = fsdd.resolve(digit + "_" + speaker + "_" + index + ".wav");
                    String folder = index < 5 ? "testing" : "training";
                    Files.copy(
                            source, root.resolve(folder).resolve(words[digit] + "." + speaker + "_" + index + ".wav"));
                }
            }
        }
        return root;
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    /** {@code shared/datasets} (see its README.md) in this folder or one above, or {@code -Dedgeforge.datasets}. */
    private static Path datasets() {
        String property = System.getProperty("edgeforge.datasets");
        if (property != null) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/datasets folder here or above: this test uploads the real "
                + "recordings described in shared/datasets/README.md (or set -Dedgeforge.datasets=<folder>)");
    }
}
