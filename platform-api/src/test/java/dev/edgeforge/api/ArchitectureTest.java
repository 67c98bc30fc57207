package dev.edgeforge.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's boundaries: it talks to the workers only through the queue and the job contracts (platform-jobs), so
 * it imports no worker class and no DJL; its features depend on each other without cycles; and each table is read
 * and written only by the feature that owns it (another feature that needs the data declares a port in its own
 * package, which the owner implements).
 */
class ArchitectureTest {

    /** Every table of {@code db/migrations} and the feature (package under {@code dev.edgeforge.api}) owning it. */
    private static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("user_account", "account"),
            Map.entry("user_token", "account"),
            Map.entry("platform_settings", "account"),
            Map.entry("project", "project"),
            Map.entry("project_member", "project"),
            Map.entry("project_api_key", "project"),
            Map.entry("project_hmac_key", "project"),
            Map.entry("project_invite", "project"),
            Map.entry("audit_event", "audit"),
            // the queue's tables belong to platform-infra's JobQueue: the server goes through it
            Map.entry("jobs", "(platform-infra)"),
            Map.entry("job_logs", "(platform-infra)"),
            Map.entry("job_attempts", "(platform-infra)"),
            Map.entry("sample", "sample"),
            Map.entry("dataset_version", "sample"),
            Map.entry("dataset_version_sample", "sample"),
            Map.entry("project_storage_quota", "sample"),
            Map.entry("impulse_version", "impulse"),
            Map.entry("feature_generation", "feature"),
            Map.entry("model", "model"),
            Map.entry("deployments", "deploy"),
            Map.entry("model_compression_job", "compression"),
            Map.entry("model_variant_choice", "compression"),
            Map.entry("tune_measurement", "tune"));

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?" + "([a-z_]+)");

    private final JavaClasses server = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.edgeforge.api");

    @Test
    void theServerImportsNoWorkerAndNoDjl() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.edgeforge.training..", "dev.edgeforge.firmware..", "dev.edgeforge.app..", "ai.djl..")
                .check(server);
    }

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        slices().matching("dev.edgeforge.api.(*)..").should().beFreeOfCycles().check(server);
    }

    @Test
    void everyTableHasAnOwningFeature() {
        Set<String> tables = new TreeSet<>();
        for (Path migration : files(repositoryRoot().resolve("db/migrations"), ".sql")) {
            Matcher m = CREATE_TABLE.matcher(read(migration));
            while (m.find()) {
                tables.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        assertThat(tables).isNotEmpty();
        assertThat(TABLE_OWNERS.keySet())
                .as("tables of db/migrations; a new table needs an owner here")
                .containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void onlyTheOwningFeatureQueriesATable() {
        Path sources = repositoryRoot().resolve("platform-api/src/main/java/dev/edgeforge/api");
        List<String> violations = new ArrayList<>();
        for (Path source : files(sources, ".java")) {
            String feature = sources.relativize(source).getName(0).toString();
            String code = read(source);
            TABLE_OWNERS.forEach((table, owner) -> {
                Pattern use = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+" + table + "\\b"
                        + "|@Table\\(name\\s*=\\s*\"" + table + "\"");
                if (!owner.equals(feature) && use.matcher(code).find()) {
                    violations.add(sources.relativize(source) + " uses table " + table + " of " + owner);
                }
            });
        }
        assertThat(violations).isEmpty();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("db/migrations")) && Files.isDirectory(dir.resolve("platform-api"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root (db/migrations) above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
