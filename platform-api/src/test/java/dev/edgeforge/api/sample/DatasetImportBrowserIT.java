package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.edgeforge.api.support.ApiClient;
import dev.edgeforge.api.support.ChromiumPages;
import dev.edgeforge.api.support.IntegrationTest;
import dev.edgeforge.api.support.TestUsers;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue #17 in a real headless Chromium: on the data page, "Import from another project" lists the projects the user
 * can read and their dataset versions, imports one, says what came in, and the sample list shows the samples with their
 * labels and split. Screenshot: {@code /tmp/ef-data-import.png}.
 */
@IntegrationTest
class DatasetImportBrowserIT extends ChromiumPages {

    DatasetImportBrowserIT() {
        super(1366, 1000, Duration.ofSeconds(30));
    }

    @Test
    void importADatasetVersionOfAnotherProjectFromTheDataPage() throws IOException {
        TestProject source = TestProject.create(port, "Shared gestures");
        source.upload(
                "?category=training",
                SampleHttp.Part.file("idle.1.json", SampleFiles.eiJson(31, 40)),
                SampleHttp.Part.file("wave.1.json", SampleFiles.eiJson(32, 40)));
        source.uploadOne("?category=testing", "wave.2.json", SampleFiles.eiJson(33, 40));
        ApiClient.Response version =
                source.client.post(source.base + "/dataset/versions", Map.of("name", "team v1"), source.auth());
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        UUID target = TestUsers.createProject(source.client, source.owner, "My copy");

        signIn(source.owner);
        browser.get(url("/projects/" + target + "/data"));
        Select projects = new Select(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-source"))));
        wait.until(d -> projects.getOptions().size() > 1);
        assertThat(projects.getOptions())
                .extracting(o -> o.getText())
                .contains("Shared gestures")
                .doesNotContain("My copy");
        projects.selectByVisibleText("Shared gestures");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("import-button")));
        assertThat(new Select(browser.findElement(By.id("import-version")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("team v1 \u00b7 3 samples");
        browser.findElement(By.id("import-button")).click();

        wait.until(ExpectedConditions.attributeToBe(By.id("import-status"), "data-imported", "3"));
        assertThat(browser.findElement(By.id("import-status")).getText())
                .isEqualTo("Imported 3 samples of \u201cteam v1\u201d (2 training, 1 testing; labels idle, wave).");
        wait.until(d -> d.findElements(By.cssSelector("#sample-rows tr[data-sample-id]"))
                        .size()
                == 3);
        wait.until(ExpectedConditions.textToBe(By.id("stat-count"), "3"));
        String rows = browser.findElement(By.id("sample-rows")).getText();
        assertThat(rows).contains("idle.1").contains("wave.1").contains("wave.2");
        screenshot(Path.of("/tmp/ef-data-import.png"));
    }
}
