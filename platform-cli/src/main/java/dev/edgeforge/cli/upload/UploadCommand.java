package dev.edgeforge.cli.upload;

import dev.edgeforge.cli.session.Connection;
import dev.edgeforge.cli.session.ConnectionOptions;
import dev.edgeforge.cli.session.ProjectOption;
import dev.edgeforge.cli.session.Terminal;
import dev.edgeforge.cli.session.UsageException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Uploads files and folders as samples, labeled as Edge Impulse's uploader labels them, in requests of bounded size;
 * one result line per file on standard output, a progress bar on a terminal, exit code 1 when any file failed.
 */
@Command(
        name = "upload",
        description = {
            "Upload sample files (Edge Impulse JSON/CBOR, CSV, WAV, PNG, JPEG, ZIP); folders are searched "
                    + "recursively for them. Without --label each file is labeled by its name up to the first '.' "
                    + "(idle.01.json -> idle), as Edge Impulse's uploader does; --label-rule chooses another rule.",
            "Prints one tab-separated line per file: 'ok FILE LABEL CATEGORY ID' or 'failed FILE CODE ERROR'. "
                    + "Exit code 1 when any file failed."
        })
public final class UploadCommand implements Callable<Integer> {

    private static final Set<String> CATEGORIES = Set.of("training", "testing", "split", "anomaly");

    @Mixin
    ConnectionOptions connection;

    @Mixin
    ProjectOption project;

    @Option(names = "--label", paramLabel = "LABEL", description = "The label of every file.")
    String label;

    @Option(
            names = "--label-rule",
            paramLabel = "RULE",
            description = "How each file's label comes from its name, as the API's labelRule: first-dot (the "
                    + "default), separator:TEXT (separator:_ labels 0_george_5.wav '0') or regex:PATTERN with one "
                    + "group (regex:^(\\d+)_). The server applies it; a name it gets no label from fails on its line.")
    String labelRule;

    @Option(
            names = "--category",
            paramLabel = "CATEGORY",
            defaultValue = "training",
            description = "training (default), testing, split (80/20 by content) or anomaly.")
    String category;

    @Option(
            names = "--disallow-duplicates",
            description = "Refuse files whose content the project already holds (they fail as duplicate-sample).")
    boolean disallowDuplicates;

    @Option(
            names = "--batch-files",
            paramLabel = "N",
            defaultValue = "100",
            description = "Most files per request (default ${DEFAULT-VALUE}).")
    int batchFiles;

    @Option(
            names = "--batch-mb",
            paramLabel = "MB",
            defaultValue = "32",
            description = "Most megabytes per request (default ${DEFAULT-VALUE}); a larger file goes alone.")
    int batchMegabytes;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders to upload.")
    List<Path> paths;

    private final Terminal terminal;

    public UploadCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        String chosenCategory = category.strip().toLowerCase(Locale.ROOT);
        if (!CATEGORIES.contains(chosenCategory)) {
            throw new UsageException("--category must be training, testing, split or anomaly, not '" + category + "'");
        }
        if (label != null && label.isBlank()) {
            throw new UsageException("--label must not be blank");
        }
        if (labelRule != null && (labelRule.isBlank() || label != null)) {
            throw new UsageException(
                    label != null ? "--label-rule cannot be combined with --label" : "--label-rule must not be blank");
        }
        if (batchFiles < 1 || batchMegabytes < 1) {
            throw new UsageException("--batch-files and --batch-mb must be at least 1");
        }
        UploadFiles.Found found = UploadFiles.collect(paths);
        for (Path skipped : found.skipped()) {
            terminal.err()
                    .println("skipped " + skipped
                            + (skipped.getFileName().toString().equals("info.labels")
                                    ? " (an Edge Impulse export's labels file: labels come from the file names or "
                                            + "--label, categories from --category)"
                                    : " (not a sample file type)"));
        }
        if (found.files().isEmpty()) {
            throw new UsageException("no sample files to upload in " + paths);
        }
        Connection server = Connection.open(connection, terminal);
        UUID projectId = server.project(project);
        Optional<String> rule = Optional.ofNullable(labelRule).map(String::strip);
        if (rule.isPresent()) {
            // the server reads the rule: a rule it cannot use is refused (400 naming why) before any file is sent
            server.client()
                    .post(
                            "/api/v1/projects/" + projectId + "/samples/label-preview",
                            Map.of("labelRule", rule.get(), "fileNames", List.of()));
        }
        List<UploadPlan.Batch> batches = UploadPlan.plan(
                found.files(),
                Optional.ofNullable(label).map(String::strip),
                rule,
                batchFiles,
                (long) batchMegabytes * 1024 * 1024);
        long totalBytes = batches.stream().mapToLong(UploadPlan.Batch::bytes).sum();
        ProgressBar bar = new ProgressBar(
                terminal.err(), terminal.interactive(), found.files().size(), totalBytes);
        Uploader.Summary summary;
        try {
            summary = new Uploader(server.client(), projectId, chosenCategory, disallowDuplicates, bar, terminal.out())
                    .upload(batches);
        } finally {
            bar.finish();
        }
        terminal.err()
                .printf(
                        "%d stored, %d failed, %d files (%s) in %d requests%n",
                        summary.stored(),
                        summary.failed(),
                        found.files().size(),
                        ProgressBar.human(totalBytes),
                        summary.requests());
        return summary.failed() == 0 ? 0 : 1;
    }
}
