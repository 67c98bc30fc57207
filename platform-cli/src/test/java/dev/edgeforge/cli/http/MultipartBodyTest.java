package dev.edgeforge.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MultipartBodyTest {

    @Test
    void quotesBackslashesAndLineBreaksCannotBreakOutOfTheHeader() {
        assertThat(MultipartBody.fileNameParameters("a\"b\\c\r\nContent-Type: x.json"))
                .isEqualTo("filename=\"a\\\"b\\\\cContent-Type: x.json\"; "
                        + "filename*=UTF-8''a%22b%5CcContent-Type%3A%20x.json");
    }

    @Test
    void nonAsciiNamesTravelPercentEncoded() {
        assertThat(MultipartBody.fileNameParameters("Grüße.1.json"))
                .endsWith("filename*=UTF-8''Gr%C3%BC%C3%9Fe.1.json");
    }
}
