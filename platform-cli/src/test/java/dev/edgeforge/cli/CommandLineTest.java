package dev.edgeforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.cli.session.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Argument parsing and exit codes that need no platform: every wrong command line exits 2 with a message. */
class CommandLineTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpExitsZeroAndListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("login", "upload", "impulse", "features", "train", "test", "deploy", "tune", "jobs");
        assertThat(run("upload", "--help")).isZero();
        assertThat(out.toString())
                .contains("--label", "--label-rule", "separator:_", "--category", "EDGEFORGE_API_KEY");
    }

    @Test
    void aGroupWithoutACommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("jobs")).isEqualTo(2);
        assertThat(run("impulse")).isEqualTo(2);
        assertThat(err.toString()).contains("name a command");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrorsWithSuggestions() {
        assertThat(run("uplod", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean", "upload");
        assertThat(run("train", "--epoch", "3")).isEqualTo(2);
    }

    @Test
    void missingArgumentsAreUsageErrors() {
        assertThat(run("upload")).isEqualTo(2);
        assertThat(err.toString()).contains("PATH");
        assertThat(run("deploy", "--format", "firmware", "--out", "x.zip")).isEqualTo(2);
        assertThat(err.toString()).contains("--target");
        assertThat(run("jobs", "logs", "not-a-uuid")).isEqualTo(2);
        assertThat(run("tune", "--budget-minutes", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("--target is required");
        assertThat(run("tune", "--target", "netduinoplus2-qemu", "--budget-minutes", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--budget-minutes must be a positive number");
        assertThat(run("tune", "apply", "not-a-uuid", "c01")).isEqualTo(2);
        assertThat(run("tune", "apply", "3f2b8c1e-0a4d-4c6e-9b7a-2d5e8f1a0c3b")).isEqualTo(2);
        assertThat(err.toString()).contains("CANDIDATE");
    }

    @Test
    void badValuesAreRefusedBeforeAnythingIsSent() throws Exception {
        Path sample = Files.writeString(folder.resolve("idle.1.json"), "{}");
        assertThat(run("upload", "--category", "validation", sample.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--category must be training, testing, split or anomaly");
        assertThat(run("upload", "--label", " ", sample.toString())).isEqualTo(2);
        assertThat(run("upload", "--label", "idle", "--label-rule", "separator:_", sample.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--label-rule cannot be combined with --label");
        assertThat(run("upload", "--label-rule", " ", sample.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--label-rule must not be blank");
        assertThat(run("upload", folder.resolve("missing").toString())).isEqualTo(2);
        assertThat(run("train", "--hyperparameters", "{epochs: 3")).isEqualTo(2);
        assertThat(err.toString()).contains("--hyperparameters is not JSON");
        assertThat(run("train", "--hyperparameters", "[1]")).isEqualTo(2);
        assertThat(run("train", "--epochs", "0")).isEqualTo(2);
        assertThat(run(
                        "impulse",
                        "put",
                        Files.writeString(folder.resolve("i.json"), "[]").toString()))
                .isEqualTo(2);
        assertThat(run(
                        "jobs",
                        "list",
                        "--limit",
                        "0",
                        "--token",
                        "t",
                        "--project",
                        UUID.randomUUID().toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--limit must be between 1 and 500");
    }

    @Test
    void withoutCredentialsCommandsSayHowToSignIn() {
        assertThat(run("projects", "--url", "http://127.0.0.1:9")).isEqualTo(2);
        assertThat(err.toString()).contains("not signed in to http://127.0.0.1:9", "edgeforge cli login");
    }

    @Test
    void anUnreachablePlatformIsAFailureNotAUsageError() {
        assertThat(run("projects", "--url", "http://127.0.0.1:9", "--token", "t"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach the platform at http://127.0.0.1:9");
    }

    private int run(String... args) {
        Terminal terminal = new Terminal(
                Map.of("EDGEFORGE_CONFIG", folder.resolve("config.json").toString()),
                new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out),
                new PrintWriter(err));
        return EdgeForgeCli.run(args, terminal);
    }
}
