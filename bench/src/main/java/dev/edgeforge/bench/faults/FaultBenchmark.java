package dev.edgeforge.bench.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The fault benchmark, {@code ./edgeforge bench faults [--keep] [--small]}: the fault scenario at full size (see
 * {@link FaultScenario.Settings#full()}): 8 uploading devices and 20 jobs (features, training, deployments) while
 * a training worker and the server are killed with SIGKILL, PostgreSQL restarts and the object store is away for
 * 20 s; prints what happened, then the {@code RESULT} lines of issue #16. With {@code --keep} the temporary folder
 * (every process's log) stays for reading; {@code --small} runs the test suite's size.
 */
public final class FaultBenchmark {

    private FaultBenchmark() {}

    public static void main(String[] args) throws Exception {
        // the embedded PostgreSQL launcher narrates every start (initdb's lines included) at INFO
        ((Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
        List<String> options = List.of(args);
        boolean keep = options.contains("--keep");
        FaultScenario.Settings settings =
                options.contains("--small") ? FaultScenario.Settings.small() : FaultScenario.Settings.full();
        Path dir = Files.createTempDirectory("edgeforge-faults-");
        long start = System.nanoTime();
        FaultReport report;
        try {
            report = new FaultScenario(settings, System.out).run(dir);
        } finally {
            if (!keep) {
                deleteRecursively(dir);
            }
        }
        report.notes().forEach(note -> System.out.println("  " + note));
        System.out.printf(
                Locale.ROOT,
                "%d samples acknowledged; while the object store was away devices got %s (%d 503 without Retry-After); "
                        + "%.1f minutes in all%n",
                report.acknowledged(),
                report.outageStatuses(),
                report.outageWithoutRetryAfter(),
                (System.nanoTime() - start) / 60e9);
        report.resultLines().forEach(System.out::println);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
