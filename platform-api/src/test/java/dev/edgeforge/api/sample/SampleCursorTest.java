package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SampleCursorTest {

    @Test
    void roundTripsToTheMicrosecond() {
        SampleCursor cursor = new SampleCursor(Instant.parse("2025-03-04T05:06:07.123456Z"), UUID.randomUUID());
        String text = cursor.encode();
        assertThat(text).matches("[A-Za-z0-9_-]+");
        assertThat(SampleCursor.decode(text)).isEqualTo(cursor);
    }

    @Test
    void refusesWhatItDidNotWrite() {
        for (String bad : new String[] {"x", "czE6MTI6bm90LWEtdXVpZA", "", "czI6MTox"}) {
            assertThatThrownBy(() -> SampleCursor.decode(bad))
                    .isInstanceOf(SampleRequestViolation.class)
                    .hasMessageContaining("cursor");
        }
    }
}
