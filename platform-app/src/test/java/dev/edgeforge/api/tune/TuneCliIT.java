package dev.edgeforge.api.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.cli.EdgeForgeCli;
import dev.edgeforge.cli.session.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code ./edgeforge cli tune} against the whole platform (server and in-process workers), run in-process: a wrong
 * command line exits 2 before any request, the server's refusals exit 1 with the problem's detail, a short search on
 * real gestures for the emulated board prints its candidate table once the best candidates were measured in QEMU, and
 * {@code tune apply} saves one as the project's impulse.
 */
@IntegrationTest
class TuneCliIT {

    @LocalServerPort
    int port;

    @TempDir
    Path work;

    @Test
    void tuneWaitPrintsTheMeasuredTableAndApplySavesACandidate() {
        ApiClient api = ApiClient.stateless(port);
        User user = TestUsers.register(api, "tune-cli");
        UUID projectId = TestUsers.createProject(api, user, "Gestures by CLI");
        Run login = cli(user.password() + "\n", "login", "--email", user.email(), "--password-stdin");
        assertThat(login.code()).as(login.err()).isZero();
        String project = projectId.toString();

        Run noTarget = cli("", "tune", "--project", project, "--budget-minutes", "1");
        assertThat(noTarget.code()).as(noTarget.err()).isEqualTo(2);
        assertThat(noTarget.err()).contains("--target is required");

        Run noData = cli("", "tune", "--project", project, "--target", "netduinoplus2-qemu");
        assertThat(noData.code()).isEqualTo(1);
        assertThat(noData.err()).contains("two labels");

        UwaveUpload.upload(port, user, projectId, UwaveUpload.zip(120));
        Run badTarget = cli("", "tune", "--project", project, "--target", "arduino-mega", "--budget-minutes", "1");
        assertThat(badTarget.code()).isEqualTo(1);
        assertThat(badTarget.err()).contains("arduino-mega");

        Run tune = cli(
                "",
                "tune",
                "--project",
                project,
                "--target",
                "netduinoplus2-qemu",
                "--max-ram",
                "65536",
                "--budget-minutes",
                "0.4",
                "--seed",
                "5",
                "--wait");
        assertThat(tune.code()).as(tune.err()).isZero();
        List<String> lines = tune.out().lines().toList();
        assertThat(lines.get(0)).startsWith("job ");
        String jobId = lines.get(0).substring(4).strip();
        List<String[]> rows = lines.subList(1, lines.size()).stream()
                .map(line -> line.split("\t"))
                .toList();
        assertThat(rows).isNotEmpty().allMatch(r -> r.length == 8 && r[0].matches("c\\d\\d"));
        assertThat(rows)
                .as("the best candidates within the budget were measured in QEMU before the table was printed")
                .anyMatch(r -> r[6].equals("measured"));
        assertThat(tune.err()).contains("measuring the best candidates in QEMU", "best within the budget: ");
        String best = rows.get(0)[0];
        assertThat(rows.get(0)[5]).isEqualTo("yes");

        Run show = cli("", "tune", "show", "--project", project, jobId);
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out().lines().toList()).isEqualTo(lines.subList(1, lines.size()));

        Run apply = cli("", "tune", "apply", "--project", project, jobId, best);
        assertThat(apply.code()).as(apply.err()).isZero();
        assertThat(apply.out().strip()).isEqualTo("impulse version 1");
        assertThat(api.get("/api/v1/projects/" + projectId + "/impulse", user.auth())
                        .json()
                        .get("impulse")
                        .get("version")
                        .asInt())
                .isEqualTo(1);

        Run unknown = cli("", "tune", "apply", "--project", project, jobId, "c99");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("c99");
    }

    /** Runs the CLI in this JVM as {@code ./edgeforge cli ARGS} would, with its own configuration file. */
    private Run cli(String stdin, String... args) {
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
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {}
}
