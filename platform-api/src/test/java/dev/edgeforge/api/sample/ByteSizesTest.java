package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void wholeUnitsAreExactOthersRoundedWithTheCount() {
        assertThat(ByteSizes.describe(512)).isEqualTo("512 bytes");
        assertThat(ByteSizes.describe(8 * 1024)).isEqualTo("8 KB");
        assertThat(ByteSizes.describe(100L * 1024 * 1024)).isEqualTo("100 MB");
        assertThat(ByteSizes.describe(1024L * 1024 * 1024)).isEqualTo("1 GB");
        assertThat(ByteSizes.describe(1536L * 1024 * 1024)).isEqualTo("1536 MB");
        assertThat(ByteSizes.describe(10486)).isEqualTo("10.2 KB (10486 bytes)");
        assertThat(ByteSizes.describe(3_565_158)).isEqualTo("3.4 MB (3565158 bytes)");
    }
}
