package dev.edgeforge.firmware.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.firmware.codegen.ModelIdentity;
import dev.edgeforge.jobs.deploy.DeployResult;
import dev.edgeforge.jobs.deploy.DeploymentChecklist;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChecklistReadmeTest {

    @TempDir
    Path directory;

    private static final DeploymentChecklist CHECKLIST = DeploymentChecklist.of(
            new DeployResult.Sizes(300_000L, 1 << 20, 90_000L, 196_608, 4096, 4096, 250_000),
            new DeployResult.NotEmulated("nucleo-f446re", "random", "not emulated", 1000L),
            180_000_000,
            null);

    @Test
    void theTopReadmeGetsTheChecklistAndSha256SumsItsNewChecksum() throws IOException {
        byte[] readme = "# Model\n\nHow to build.\n".getBytes(StandardCharsets.UTF_8);
        byte[] nested = "nested".getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("m/README.md", readme);
        files.put("m/sources/README.md", nested);
        files.put(
                "m/SHA256SUMS",
                (ModelIdentity.sha256(readme) + "  README.md\n" + ModelIdentity.sha256(nested)
                                + "  sources/README.md\n")
                        .getBytes(StandardCharsets.UTF_8));
        Path zip = zip(files);

        Map<String, byte[]> out = unzip(ChecklistReadme.write(zip, CHECKLIST, directory.resolve("out/m.zip")));

        String text = new String(out.get("m/README.md"), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("# Model\n\nHow to build.\n\n## Checklist\n")
                .contains("Not every item passed.")
                .contains("| Model image < 256 KB flash | FAIL | 300,000 bytes | 262,144 bytes | measured |")
                .contains("| Verified on the (emulated) device | not measured | - | - | - |");
        assertThat(out.get("m/sources/README.md")).isEqualTo(nested);
        assertThat(new String(out.get("m/SHA256SUMS"), StandardCharsets.UTF_8))
                .isEqualTo(ModelIdentity.sha256(out.get("m/README.md")) + "  README.md\n" + ModelIdentity.sha256(nested)
                        + "  sources/README.md\n");
        assertThat(unzip(zip).get("m/README.md"))
                .as("the cached bundle is left as it is")
                .isEqualTo(readme);
    }

    private Path zip(Map<String, byte[]> files) throws IOException {
        Path zip = directory.resolve("in.zip");
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                z.putNextEntry(new ZipEntry(file.getKey()));
                z.write(file.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry entry = z.getNextEntry(); entry != null; entry = z.getNextEntry()) {
                files.put(entry.getName(), z.readAllBytes());
            }
        }
        return files;
    }
}
