package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class UploadAllowanceTest {

    private static final long MB = 1024 * 1024;

    private static UploadAllowance allowance(long maxExpanded, int entries, int entriesPerRequest) {
        return new UploadAllowance(
                DatasetLimits.of(maxExpanded, entries, entriesPerRequest, 100, MB, 16 * MB, Duration.ZERO));
    }

    /** Reads every entry of {@code zip} through the allowance, as the unpacker does; returns the bytes read. */
    private static long unpack(UploadAllowance allowance, String name, byte[] zip) throws IOException {
        UploadAllowance.CountingInputStream compressed =
                new UploadAllowance.CountingInputStream(new ByteArrayInputStream(zip));
        UploadAllowance.Archive archive = allowance.archive(name, compressed);
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(compressed)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                archive.countEntry(entry.getName().startsWith("__MACOSX/"), entry.getName());
                InputStream content = archive.open(in, entry.getName());
                total += content.skip(Long.MAX_VALUE);
            }
        }
        return total;
    }

    @Test
    void filesSentAsTheyAreCountAgainstTheTotal() {
        UploadAllowance allowance = allowance(10 * MB, 10, 10);
        allowance.addFile("a.csv", 6 * MB);
        allowance.addFile("b.csv", 4 * MB);
        assertThatThrownBy(() -> allowance.addFile("c.csv", 1))
                .isInstanceOf(RequestTooLargeViolation.class)
                .hasMessageStartingWith("The upload holds more than 10 MB once its ZIP archives are unpacked")
                .hasMessageContaining("'c.csv' went past it");
    }

    @Test
    void wellCompressedArchivesPassAndBombsAreStoppedEarly() throws IOException {
        byte[] noisy = ZipFiles.zip(ZipFiles.noisyCsvEntries("walk.", 3, 2 * (int) MB));
        assertThat(unpack(allowance(100 * MB, 10, 10), "noisy.zip", noisy)).isGreaterThan(6 * MB);

        byte[] bomb = ZipFiles.csvBomb(3, 50 * MB);
        UploadAllowance allowance = allowance(1024 * MB, 10, 10);
        assertThatThrownBy(() -> unpack(allowance, "bomb.zip", bomb))
                .isInstanceOf(CompressionBombViolation.class)
                .hasMessageStartingWith("'bomb.zip' looks like a compression bomb: its entry 'walk.0.csv' expands "
                        + "more than 100 times (1.");
    }

    @Test
    void manySmallWellCompressedEntriesAreCaughtByTheArchiveRatio() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            entries.put("zeros." + i + ".csv", new byte[(int) (MB / 2)]); // each under the 1 MB "from"
        }
        assertThatThrownBy(() -> unpack(allowance(1024 * MB, 100, 100), "many.zip", ZipFiles.zip(entries)))
                .isInstanceOf(CompressionBombViolation.class)
                .hasMessageStartingWith("'many.zip' looks like a compression bomb: it expands more than 100 times");
    }

    @Test
    void entriesAreCountedPerArchiveAndPerRequestWithSkippedOnesApart() throws IOException {
        Map<String, byte[]> five = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            five.put("f" + i + ".json", new byte[] {1});
            five.put("__MACOSX/._f" + i + ".json", new byte[] {2});
        }
        byte[] zip = ZipFiles.zip(five);
        UploadAllowance allowance = allowance(100 * MB, 5, 8);
        unpack(allowance, "a.zip", zip);
        assertThatThrownBy(() -> unpack(allowance, "b.zip", zip))
                .isInstanceOf(RequestTooLargeViolation.class)
                .hasMessageContaining("more than 8 files together");

        five.put("f5.json", new byte[] {3});
        assertThatThrownBy(() -> unpack(allowance(100 * MB, 5, 100), "c.zip", ZipFiles.zip(five)))
                .isInstanceOf(RequestTooLargeViolation.class)
                .hasMessageStartingWith("'c.zip' holds more than 5 files (the limit for one archive)");
        five.remove("f5.json");
        five.put("__MACOSX/._f5.json", new byte[] {3});
        assertThatThrownBy(() -> unpack(allowance(100 * MB, 5, 100), "d.zip", ZipFiles.zip(five)))
                .isInstanceOf(RequestTooLargeViolation.class)
                .hasMessageContaining("more than 5 folders and metadata entries");
    }

    @Test
    void theTotalCountsEveryInflatedByte() {
        byte[] zip = ZipFiles.zip(ZipFiles.noisyCsvEntries("w.", 3, (int) MB));
        UploadAllowance allowance = allowance(5 * MB / 2, 10, 10);
        assertThatThrownBy(() -> unpack(allowance, "w.zip", zip))
                .isInstanceOf(RequestTooLargeViolation.class)
                .hasMessageContaining("'w.zip' entry 'w.2.csv' went past it");
    }

    @Test
    void anyNumberOfEntriesPassWithinTheBytesEachEntryCountingAtLeastItsOverhead() throws IOException {
        // issue #20: a 3,839-image Studio export was refused at 1,000 entries; what bounds an archive is its bytes
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (int i = 0; i < 4_000; i++) {
            images.put("training/img." + i + ".png", new byte[] {(byte) i, 1, 2, 3});
        }
        UploadAllowance roomy = new UploadAllowance(
                DatasetLimits.of(1024 * MB, 1_000_000, 1_000_000, 4096, 100, MB, 16 * MB, Duration.ZERO));
        assertThat(unpack(roomy, "export.zip", ZipFiles.zip(images))).isEqualTo(4L * 4_000);

        // counted at 4 KB each on top of their bytes (4,000 x 4,100 B = 16.4 MB) they do not pass 15 MB
        UploadAllowance tight = new UploadAllowance(
                DatasetLimits.of(15 * MB, 1_000_000, 1_000_000, 4096, 100, MB, 16 * MB, Duration.ZERO));
        assertThatThrownBy(() -> unpack(tight, "export.zip", ZipFiles.zip(images)))
                .isInstanceOf(RequestTooLargeViolation.class)
                .hasMessageStartingWith("The upload holds more than 15 MB once its ZIP archives are unpacked");
    }
}
