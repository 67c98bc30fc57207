package dev.edgeforge.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.cli.session.UsageException;
import dev.edgeforge.cli.upload.UploadPlan.Batch;
import dev.edgeforge.cli.upload.UploadPlan.Labeling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadPlanTest {

    @TempDir
    Path folder;

    @Test
    void foldersAreSearchedRecursivelyForSampleFilesInNameOrder() throws IOException {
        Path idle = write("b/idle.2.json", 10);
        Path wave = write("a/deeper/wave.1.json", 10);
        Path audio = write("noise.wav", 10);
        write(".hidden/idle.9.json", 10);
        write("b/.DS_Store", 10);
        Path notes = write("notes.txt", 10);

        UploadFiles.Found found = UploadFiles.collect(List.of(folder));

        assertThat(found.files()).containsExactly(wave, idle, audio);
        assertThat(found.skipped()).containsExactly(notes);
    }

    @Test
    void aNamedFileIsSentWhateverItsTypeAndAMissingOneIsAUsageError() throws IOException {
        Path notes = write("notes.txt", 3);
        assertThat(UploadFiles.collect(List.of(notes)).files()).containsExactly(notes);
        assertThatThrownBy(() -> UploadFiles.collect(List.of(folder.resolve("missing"))))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("no such file or folder");
    }

    @Test
    void filesAreGroupedByTheirLabelSoEachRequestCarriesOne() throws IOException {
        Path idle1 = write("idle.1.json", 10);
        Path wave1 = write("wave.1.json", 10);
        Path idle2 = write("idle.2.json", 10);
        Path unnamed = write(".json", 10);
        Path archive = write("more.zip", 10);

        List<Batch> batches =
                UploadPlan.plan(List.of(idle1, wave1, idle2, unnamed, archive), Optional.empty(), 100, 1 << 20);

        assertThat(batches)
                .extracting(Batch::labeling)
                .containsExactly(
                        new Labeling.Given("idle"),
                        new Labeling.Given("wave"),
                        new Labeling.None(),
                        new Labeling.FromEntryNames());
        assertThat(batches.get(0).files()).containsExactly(idle1, idle2);
        assertThat(batches.get(0).bytes()).isEqualTo(20);
    }

    @Test
    void aGivenLabelLabelsEveryFileArchivesIncluded() throws IOException {
        Path idle = write("idle.1.json", 10);
        Path archive = write("more.zip", 10);

        List<Batch> batches = UploadPlan.plan(List.of(idle, archive), Optional.of("walk"), 100, 1 << 20);

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).labeling()).isEqualTo(new Labeling.Given("walk"));
    }

    /** Issue #12: {@code --label-rule separator:_} leaves each file's label to the server's rule, archives included. */
    @Test
    void aLabelRuleSendsEveryFileUnderThatRuleForTheServerToLabel() throws IOException {
        Path digit = write("0_george_5.wav", 10);
        Path other = write("1_theo_2.wav", 10);
        Path archive = write("more.zip", 10);

        List<Batch> batches = UploadPlan.plan(
                List.of(digit, other, archive), Optional.empty(), Optional.of("separator:_"), 100, 1 << 20);

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0).labeling()).isEqualTo(new Labeling.ByRule("separator:_"));
        assertThat(batches.get(0).files()).containsExactly(digit, other, archive);
    }

    @Test
    void requestsStayWithinTheFileAndByteLimitsAndALargerFileGoesAlone() throws IOException {
        Path a = write("x.1.json", 40);
        Path b = write("x.2.json", 40);
        Path c = write("x.3.json", 40);
        Path big = write("x.4.json", 500);
        Path d = write("x.5.json", 10);
        Path e = write("x.6.json", 10);
        Path f = write("x.7.json", 10);

        List<Batch> batches = UploadPlan.plan(List.of(a, b, c, big, d, e, f), Optional.empty(), 2, 100);

        assertThat(batches)
                .extracting(Batch::files)
                .containsExactly(List.of(a, b), List.of(c), List.of(big), List.of(d, e), List.of(f));
    }

    @Test
    void aRefusedRequestSplitsInHalvesWithTheirOwnSizes() throws IOException {
        Path a = write("x.1.json", 1);
        Path b = write("x.2.json", 2);
        Path c = write("x.3.json", 4);

        List<Batch> halves = Batch.of(new Labeling.Given("x"), List.of(a, b, c)).halves();

        assertThat(halves).extracting(Batch::files).containsExactly(List.of(a), List.of(b, c));
        assertThat(halves).extracting(Batch::bytes).containsExactly(1L, 6L);
    }

    private Path write(String name, int bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[bytes]);
    }
}
