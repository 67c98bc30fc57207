package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UploadCategoryTest {

    @Test
    void splitSendsAboutEightyPercentToTrainingAndAlwaysTheSameWay() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        int training = 0;
        for (int i = 0; i < 10_000; i++) {
            String hash = HexFormat.of().formatHex(sha.digest(("file " + i).getBytes()));
            SampleCategory category = UploadCategory.SPLIT.resolve(hash);
            assertThat(UploadCategory.SPLIT.resolve(hash)).isEqualTo(category);
            if (category == SampleCategory.TRAINING) {
                training++;
            }
        }
        assertThat(training).isBetween(7800, 8200);
    }

    @Test
    void namedCategoriesAreTakenAsTheyAre() {
        assertThat(UploadCategory.fromValue(" Testing ").resolve("00".repeat(32)))
                .isEqualTo(SampleCategory.TESTING);
        assertThat(UploadCategory.fromValue("anomaly").resolve("ff".repeat(32))).isEqualTo(SampleCategory.ANOMALY);
        assertThatThrownBy(() -> UploadCategory.fromValue("validation"))
                .isInstanceOf(SampleRequestViolation.class)
                .hasMessageContaining("training, testing, anomaly, split");
    }
}
