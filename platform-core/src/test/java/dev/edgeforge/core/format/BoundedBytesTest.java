package dev.edgeforge.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBytesTest {

    @Test
    void readsUpToTheLimitExactly() {
        byte[] data = new byte[200_000];
        data[199_999] = 7;
        assertThat(BoundedBytes.readAll(new ByteArrayInputStream(data), 200_000))
                .isEqualTo(data);
        assertThat(BoundedBytes.readAll(new ByteArrayInputStream(new byte[0]), 0))
                .isEmpty();
        assertThatThrownBy(() -> BoundedBytes.readAll(new ByteArrayInputStream(data), 199_999))
                .isInstanceOf(SampleFormatException.class)
                .hasMessageContaining("199999");
    }

    @Test
    void stopsReadingAnEndlessStreamAtTheLimit() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        assertThatThrownBy(() -> BoundedBytes.readAll(endless, 1_000_000))
                .isInstanceOf(SampleFormatException.class)
                .extracting(e -> ((SampleFormatException) e).reason())
                .isEqualTo(SampleFormatException.Reason.TOO_LARGE);
    }
}
