package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.IntegrationTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue #20: a Studio export of 3,839 images, and EdgeForge's own export, were refused ("holds more than 1000
 * files"). With the default limits a ZIP of 4,000 small PNGs goes in as one upload, and its export re-imports into
 * another project in one step.
 */
@IntegrationTest
class LargeZipUploadIT {

    private static final int IMAGES = 4_000;

    @LocalServerPort
    int port;

    @Test
    void aZipOf4000ImagesGoesInAsOneUploadAndItsExportReimportsInOneStep() throws IOException {
        TestProject project = TestProject.create(port, "Components");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < IMAGES; i++) {
            String label = i % 2 == 0 ? "resistor" : "capacitor";
            entries.put("components/" + label + "." + i + ".png", png(i));
        }

        JsonNode files = upload(project, "?category=split", "components.zip", ZipFiles.zip(entries));

        assertThat(files.size()).isEqualTo(IMAGES);
        assertThat(files)
                .allSatisfy(f -> assertThat(f.has("id")).as(f.toString()).isTrue());
        assertThat(project.listAll("")).hasSize(IMAGES);
        int testing = project.listAll("?category=testing").size();
        assertThat(testing).as("split 80/20 by content").isBetween(IMAGES / 10, IMAGES * 3 / 10);

        SampleHttp.Binary export = project.http.get(project.base + "/dataset/export", project.auth());
        assertThat(export.status()).isEqualTo(200);
        TestProject copy = TestProject.create(port, "Components again");
        JsonNode imported = upload(copy, "?category=training", "Components-dataset.zip", export.body());

        // every image, plus the result of its info.labels
        assertThat(imported.size()).isEqualTo(IMAGES + 1);
        assertThat(copy.listAll("")).hasSize(IMAGES);
        assertThat(copy.listAll("?category=testing")).hasSize(testing);
        assertThat(copy.listAll("?label=resistor")).hasSize(IMAGES / 2);
    }

    /** One ZIP as one request; storing thousands of samples may take minutes on a loaded 2-core machine. */
    private JsonNode upload(TestProject project, String query, String name, byte[] zip) {
        ApiClient.Response response = new SampleHttp(port, Duration.ofMinutes(10))
                .multipart(project.base + "/samples" + query, project.auth(), SampleHttp.Part.file(name, zip));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("files");
    }

    /** A distinct 8×8 PNG for each {@code i} (uploads are deduplicated by content). */
    private static byte[] png(int i) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, (int) ((i * 2654435761L + x * 31L + y) & 0xFFFFFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
