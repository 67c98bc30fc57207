package dev.edgeforge.api.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.TestUsers.User;
import dev.edgeforge.core.format.csv.CsvSampleWriter;
import dev.edgeforge.core.sample.SampleData;
import dev.edgeforge.core.sample.Sensor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The real uWave gestures of {@code shared/datasets/uwave-gestures} (README there) as one ZIP of CSV files a project
 * uploads: line {@code i} becomes {@code <class>.line-<i>.csv} (the default label rule reads the class), three axes at
 * 10 ms. The folder is found by walking up from the working directory ({@code -Dedgeforge.datasets} names it).
 */
final class UwaveUpload {

    private UwaveUpload() {}

    static Path datasets() {
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
        throw new IllegalStateException("no shared/datasets folder above "
                + Path.of("").toAbsolutePath() + "; the tuner tests need the recordings of shared/datasets/README.md");
    }

    /** The first {@code count} recordings as a ZIP of CSV files. */
    static byte[] zip(int count) {
        Path dir = datasets().resolve("uwave-gestures");
        List<List<String>> axes = new ArrayList<>();
        try {
            for (String axis : List.of("X", "Y", "Z")) {
                axes.add(Files.readAllLines(dir.resolve("UWaveGestureLibrary" + axis + "_TRAIN.tsv")));
            }
            List<Sensor> sensors = List.of(Sensor.of("accX"), Sensor.of("accY"), Sensor.of("accZ"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (int line = 0; line < Math.min(count, axes.get(0).size()); line++) {
                    float[][] values = new float[3][];
                    String label = null;
                    for (int a = 0; a < 3; a++) {
                        String[] fields = axes.get(a).get(line).trim().split("\t");
                        label = Integer.toString((int) Double.parseDouble(fields[0]));
                        values[a] = new float[fields.length - 1];
                        for (int i = 1; i < fields.length; i++) {
                            values[a][i - 1] = Float.parseFloat(fields[i]);
                        }
                    }
                    zip.putNextEntry(new ZipEntry(label + ".line-" + line + ".csv"));
                    zip.write(CsvSampleWriter.write(SampleData.timeSeries(sensors, 10.0, values)));
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a ZIP as training data; fails the test unless every file was stored. */
    static void upload(int port, User owner, UUID projectId, byte[] zip) {
        String boundary = "----ef" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"category\"\r\n\r\ntraining\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"uwave.zip\""
                        + "\r\nContent-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://localhost:" + port + "/api/v1/projects/" + projectId + "/samples"))
                                    .header("Authorization", "Bearer " + owner.token())
                                    .header("Accept", "application/json")
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .timeout(Duration.ofMinutes(2))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (Exception e) {
            throw new IllegalStateException("uploading the gestures failed", e);
        }
    }
}
