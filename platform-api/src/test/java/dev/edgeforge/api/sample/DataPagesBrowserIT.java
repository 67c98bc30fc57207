package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ChromiumPages;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.core.impulse.ColorDepth;
import dev.edgeforge.core.impulse.ImageInput;
import dev.edgeforge.core.impulse.ImageResizer;
import dev.edgeforge.core.impulse.ResizeMode;
import dev.edgeforge.core.impulse.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The data acquisition pages in a real headless Chromium: upload a CSV and a WAV through the file input (the same
 * code path as drag and drop), watch them land in the list, open each and see its plots (one per axis, zoomable),
 * the audio waveform and spectrogram, an image with its box, and the dataset chart and versions. Screenshots go to
 * {@code /tmp/ef-data-*.png}. Fails (never skips) when Chromium or chromedriver is missing.
 */
@IntegrationTest
class DataPagesBrowserIT extends ChromiumPages {

    @TempDir
    Path temp;

    DataPagesBrowserIT() {
        super(1366, 1000, Duration.ofSeconds(30));
    }

    private void screenshot(String name) throws IOException {
        screenshot(Path.of("/tmp/ef-data-" + name + ".png"));
    }

    @Test
    void uploadACsvAndAWavAndSeeTheirPlots() throws IOException {
        TestProject project = TestProject.create(port, "Browser data");
        signIn(project.owner);
        browser.get(url("/projects/" + project.id + "/data"));
        assertThat(browser.findElement(By.cssSelector(".sidebar a.active")).getText())
                .isEqualTo("Data acquisition");

        Path csv = temp.resolve("walk.01.csv");
        Files.write(csv, SampleFiles.csv(400, 10));
        Path wav = temp.resolve("beep.02.wav");
        Files.write(wav, SampleFiles.wav(16000, 1500, 300, 900));
        new Select(browser.findElement(By.id("upload-category"))).selectByValue("training");
        browser.findElement(By.id("upload-input")).sendKeys(csv + "\n" + wav);

        wait.until(d -> d.findElements(By.cssSelector("#upload-queue li.done")).size() == 2);
        wait.until(d -> d.findElements(By.cssSelector("#sample-rows tr[data-sample-id]"))
                        .size()
                == 2);
        String rows = browser.findElement(By.id("sample-rows")).getText();
        assertThat(rows)
                .contains("walk.01")
                .contains("beep.02")
                .contains("walk")
                .contains("beep");
        wait.until(ExpectedConditions.textToBe(By.id("stat-count"), "2"));
        List<WebElement> bars = browser.findElements(By.cssSelector("#upload-queue .bar"));
        assertThat(bars).allSatisfy(bar -> assertThat(bar.getAttribute("style")).contains("100%"));
        screenshot("list");
        // select one row and relabel it with the bulk bar
        String walkId =
                browser.findElement(By.xpath("//tr[.//a[text()='walk.01']]")).getAttribute("data-sample-id");
        browser.findElement(By.cssSelector("[data-select='" + walkId + "']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bulk-bar")));
        assertThat(browser.findElement(By.id("bulk-count")).getText()).isEqualTo("1 selected");
        browser.findElement(By.id("bulk-label")).sendKeys("stroll");
        browser.executeScript("document.getElementById('sample-table').scrollIntoView()");
        screenshot("list-table");
        browser.findElement(By.cssSelector("[data-bulk=relabel]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sample-rows"), "stroll"));
        assertThat(project.sample(UUID.fromString(walkId)).get("label").asString())
                .isEqualTo("stroll");

        // the CSV: one zoomable plot per axis
        browser.findElement(By.linkText("walk.01")).click();
        wait.until(d ->
                d.findElements(By.cssSelector("#plots svg.plot[data-points]")).size() == 2);
        List<WebElement> plots = browser.findElements(By.cssSelector("#plots svg.plot"));
        for (WebElement plot : plots) {
            assertThat(Integer.parseInt(plot.getAttribute("data-points"))).isEqualTo(400);
            assertThat(plot.findElement(By.cssSelector("path.line")).getAttribute("d"))
                    .startsWith("M")
                    .contains("L");
        }
        assertThat(browser.findElements(By.cssSelector("#plots .plot-block h3")).stream()
                        .map(WebElement::getText)
                        .toList())
                .containsExactly("x", "y");
        WebElement first = plots.get(0);
        int width = first.getRect().getWidth();
        new Actions(browser)
                .moveToElement(first, -width / 4, 0)
                .clickAndHold()
                .moveByOffset(width / 4, 0)
                .release()
                .perform();
        wait.until(d -> "true".equals(d.findElement(By.id("plots")).getAttribute("data-zoomed")));
        double zoomedEnd = Double.parseDouble(first.getAttribute("data-end-ms"));
        assertThat(zoomedEnd).isLessThan(3990);
        assertThat(Integer.parseInt(plots.get(1).getAttribute("data-points"))).isLessThan(400);
        screenshot("csv-zoomed");
        new Actions(browser).doubleClick(first).perform();
        wait.until(d -> "false".equals(d.findElement(By.id("plots")).getAttribute("data-zoomed")));
        assertThat(Integer.parseInt(first.getAttribute("data-points"))).isEqualTo(400);
        screenshot("csv");

        // the WAV: player, waveform, spectrogram and the plot of its one axis
        browser.navigate().back();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("beep.02")))
                .click();
        wait.until(d ->
                d.findElements(By.cssSelector("#plots svg.plot[data-points]")).size() == 1);
        wait.until(d -> d.findElement(By.id("spectrogram")).getAttribute("data-frames") != null);
        wait.until(d -> d.findElement(By.id("waveform")).getAttribute("data-columns") != null);
        assertThat(browser.findElement(By.id("sample-audio")).getAttribute("src"))
                .endsWith("/audio");
        assertThat(Integer.parseInt(browser.findElement(By.id("spectrogram")).getAttribute("data-frames")))
                .isGreaterThan(10);
        assertThat(Integer.parseInt(browser.findElement(By.id("waveform")).getAttribute("data-columns")))
                .isGreaterThan(100);
        assertThat(Integer.parseInt(
                        browser.findElement(By.cssSelector("#plots svg.plot")).getAttribute("data-points")))
                .isBetween(10, 1500);
        Object duration = browser.executeAsyncScript("var done = arguments[0]; var a = "
                + "document.getElementById('sample-audio'); if (a.readyState >= 1) { done(a.duration); } else "
                + "{ a.addEventListener('loadedmetadata', function () { done(a.duration); }); "
                + "a.addEventListener('error', function () { done(-1); }); a.load(); }");
        assertThat(((Number) duration).doubleValue())
                .as("the browser decodes the audio")
                .isBetween(1.4, 1.6);
        screenshot("wav");

        // an image with its bounding box
        String boxes = "{\"version\": 1, \"type\": \"bounding-box-labels\", \"boundingBoxes\": {\"cup.png\": "
                + "[{\"label\": \"cup\", \"x\": 40, \"y\": 30, \"width\": 60, \"height\": 50}]}}";
        JsonNode image = project.upload(
                "?category=testing",
                SampleHttp.Part.file("cup.png", SampleFiles.png(160, 120)),
                SampleHttp.Part.file("bounding_boxes.labels", SampleFiles.text(boxes)));
        browser.get(url("/projects/" + project.id + "/data/samples/"
                + image.get(0).get("id").asString()));
        wait.until(d -> d.findElements(By.cssSelector("#image-view svg.boxes[data-boxes='1']"))
                        .size()
                == 1);
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d)
                .executeScript("var i = document.getElementById('sample-image'); return i.complete && "
                        + "i.naturalWidth === 160;")));
        screenshot("image");

        // the dataset: chart, rebalance, versions
        browser.get(url("/projects/" + project.id + "/data/dataset"));
        wait.until(d -> d.findElements(By.cssSelector("#label-chart svg.bars[data-rows='3']"))
                        .size()
                == 1);
        screenshot("dataset-top");
        browser.findElement(By.id("version-name")).sendKeys("first three");
        browser.findElement(By.cssSelector("#version-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-rows"), "first three"));
        browser.findElement(By.cssSelector("[data-compare]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("compare-card")));
        wait.until(d -> d.findElements(By.cssSelector("#compare-rows tr")).size() == 3);
        screenshot("dataset");
        assertThat(UUID.fromString(project.listAll("").get(0).get("id").asString()))
                .isNotNull();
    }

    @Test
    void anImageSampleShowsItsSizeAndWhatTheImpulsesResizeAndCropGiveTheNetwork() throws Exception {
        // issue #20: "no preview of the resized image" on the data page
        TestProject project = TestProject.create(port, "Components");
        byte[] photo = SampleFiles.png(160, 120);
        UUID sampleId = project.uploadOne("?category=training&label=part", "part.png", photo);
        project.uploadOne("?category=training&label=other", "other.png", SampleFiles.png(160, 120));
        String impulse = """
                {"version": 0, "input": {"type": "image", "width": 48, "height": 48, "resizeMode": "fit-shortest",
                           "colorDepth": "grayscale"},
                 "processingBlocks": [{"id": 1, "name": "Image", "axes": [],
                                       "params": {"type": "image", "normalization": "zero-to-one"}}],
                 "learningBlocks": [{"type": "classification", "name": "Classifier", "inputs": [1]}]}
                """;
        ApiClient.Response saved = project.client.put(project.base + "/impulse", impulse, project.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        signIn(project.owner);
        browser.get(url("/projects/" + project.id + "/data/samples/" + sampleId));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview-card")));
        wait.until(d -> Boolean.TRUE.equals(((ChromeDriver) d)
                .executeScript("var i = document.getElementById('sample-preview'); return i.complete && "
                        + "i.naturalWidth === 48 && i.naturalHeight === 48;")));
        assertThat(browser.findElement(By.id("preview-note")).getText())
                .matches("The impulse \\(version \\d+\\) resizes it: shortest side fitted, the rest cropped, to 48 × 48"
                        + " px, grayscale\\.");
        assertThat(browser.findElement(By.cssSelector(".sample-layout")).getText())
                .contains("Size")
                .contains("160 × 120, 3 channel(s)");
        screenshot("image-preview");

        // the preview is the integer resizer's output, pixel for pixel
        String src = browser.findElement(By.id("sample-preview")).getAttribute("src");
        HttpResponse<byte[]> png = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(src))
                                .header("Authorization", "Bearer " + project.owner.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(png.body()));
        BufferedImage original = ImageIO.read(new ByteArrayInputStream(photo));
        int[] pixels = original.getRGB(0, 0, 160, 120, null, 0, 160);
        float[][] planes = ImageResizer.resize(
                new RgbImage(160, 120, pixels), new ImageInput(48, 48, ResizeMode.FIT_SHORTEST, ColorDepth.GRAYSCALE));
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                assertThat(shown.getRaster().getSample(x, y, 0))
                        .as("pixel %d,%d", x, y)
                        .isEqualTo((int) planes[0][y * 48 + x]);
            }
        }

        // settings it cannot use are named; a sample that is not an image has no preview
        ApiClient.Response bad = project.client.get(
                project.base + "/samples/" + sampleId + "/preview?resizeMode=stretch", project.auth());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("resizeMode").contains("squash, fit-shortest, fit-longest");
        UUID series =
                project.uploadOne("?category=testing", "walk.csv", SampleFiles.text("timestamp,accX\n0,1\n10,2\n"));
        ApiClient.Response notImage =
                project.client.get(project.base + "/samples/" + series + "/preview", project.auth());
        assertThat(notImage.status()).as(notImage.body()).isEqualTo(400);
        assertThat(notImage.body()).contains("is not an image");
    }
}
