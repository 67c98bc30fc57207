package dev.edgeforge.firmware.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.edgeforge.core.learning.GmmSettings;
import dev.edgeforge.core.learning.KMeansSettings;
import dev.edgeforge.core.learning.anomaly.AnomalyModel;
import dev.edgeforge.core.learning.anomaly.GaussianMixture;
import dev.edgeforge.core.learning.anomaly.KMeans;
import dev.edgeforge.firmware.dsp.HostGcc;
import dev.edgeforge.firmware.toolchain.FirmwareSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The anomaly scorer in C on the host: the hand-worked cases of {@code ef_anomaly_test.c}, and the generated library
 * of trained K-means and Gaussian-mixture models scoring the same windows as the server's Java models.
 */
class AnomalyScorerHostIT {

    @TempDir
    Path work;

    @Test
    void theScorerGivesTheHandWorkedScores() throws IOException {
        Path test = work.resolve("ef_anomaly_test.c");
        try (var in = AnomalyScorerHostIT.class.getResourceAsStream("/anomaly/ef_anomaly_test.c")) {
            Files.write(test, in.readAllBytes());
        }
        Path c = HostGcc.cSourceRoot();
        Path program = work.resolve("anomaly_test");
        HostGcc.build(
                program,
                List.of(test, c.resolve("anomaly/ef_anomaly.c")),
                List.of(c.resolve("anomaly"), c.resolve("include")),
                List.of());

        String output = HostGcc.run(List.of(program.toString()), work, 30);

        assertThat(output).doesNotContain("FAIL").contains("summary failures=0");
    }

    @Test
    void theGeneratedLibraryScoresAsTheServer() throws IOException {
        float[][] normal = cloud(80, 1, 0);
        float[][] windows = new float[20][];
        System.arraycopy(cloud(10, 2, 0), 0, windows, 0, 10);
        System.arraycopy(cloud(10, 3, 4), 0, windows, 10, 10); // far from the training data
        for (AnomalyModel model : List.of(
                KMeans.fit(normal, new KMeansSettings(5, 100, true), 1),
                GaussianMixture.fit(normal, new GmmSettings(3, 100, true), 1))) {
            double threshold = model.scoreQuantile(normal, 0.95);
            Path dir = Files.createTempDirectory(work, "lib");
            AnomalyLibrary library = new AnomalyLibraryGenerator(FirmwareSources.at(HostGcc.cSourceRoot()))
                    .generate(
                            new AnomalyLibraryRequest("host", model, threshold, Optional.empty()), dir.resolve("lib"));
            Path driver = dir.resolve("driver.c");
            Files.writeString(driver, driver(windows));
            List<Path> sources = new ArrayList<>(library.sources());
            sources.add(driver);
            Path program = dir.resolve("score");
            HostGcc.build(program, sources, library.includeDirectories(), List.of());

            List<String> lines =
                    HostGcc.run(List.of(program.toString()), dir, 30).lines().toList();

            assertThat(lines).hasSize(windows.length);
            int anomalies = 0;
            for (int i = 0; i < windows.length; i++) {
                String[] parts = lines.get(i).split(" ");
                float device = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[0], 16));
                double server = model.score(windows[i]);
                assertThat((double) device)
                        .as("%s window %d", model.describe(), i)
                        .isCloseTo(server, within(1e-5 * Math.max(1, Math.abs(server))));
                assertThat(parts[1]).isEqualTo(server > threshold ? "1" : "0");
                anomalies += parts[1].equals("1") ? 1 : 0;
            }
            // the far cloud is anomalous: the test can tell a scorer that calls everything normal
            assertThat(anomalies).as(model.describe()).isGreaterThanOrEqualTo(10);
        }
    }

    /** Gaussian points in 6 features around {@code offset}. */
    private static float[][] cloud(int count, long seed, double offset) {
        Random random = new Random(seed);
        float[][] points = new float[count][6];
        for (float[] point : points) {
            for (int j = 0; j < point.length; j++) {
                point[j] = (float) (offset + (j + 1) * random.nextGaussian() + (j % 2 == 0 ? 10 : -3));
            }
        }
        return points;
    }

    /** A C program that scores the windows and prints each score's float32 bits and the decision. */
    private static String driver(float[][] windows) {
        StringBuilder text =
                new StringBuilder("#include <stdio.h>\n#include <string.h>\n#include \"ef_anomaly_model.h\"\n");
        text.append("static const float windows[").append(windows.length).append("][EF_ANOMALY_FEATURE_COUNT] = {\n");
        for (float[] window : windows) {
            text.append("    {");
            for (float v : window) {
                text.append(AnomalyLibraryGenerator.literal(v)).append(", ");
            }
            text.append("},\n");
        }
        text.append("};\n");
        text.append(String.format(Locale.ROOT, """
                int main(void)
                {
                    for (int i = 0; i < %d; ++i) {
                        ef_anomaly_result r;
                        if (ef_anomaly_run_features(windows[i], EF_ANOMALY_FEATURE_COUNT, &r) != EF_OK) {
                            return 1;
                        }
                        unsigned int bits;
                        memcpy(&bits, &r.score, sizeof bits);
                        printf("%%08X %%d\\n", bits, (int)r.is_anomaly);
                    }
                    return 0;
                }
                """, windows.length));
        return text.toString();
    }
}
