package dev.edgeforge.api.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void theLabelIsTheNameUpToItsFirstDot() {
        assertThat(FileNames.inferredLabel("idle.01.json")).isEqualTo("idle");
        assertThat(FileNames.inferredLabel("training/wave.json")).isEqualTo("wave");
        assertThat(FileNames.inferredLabel("C:\\data\\up down.cbor")).isEqualTo("up down");
        assertThat(FileNames.inferredLabel("noext")).isEqualTo("noext");
        assertThat(FileNames.inferredLabel(".hidden")).isNull();
    }

    @Test
    void theSampleNameDropsOnlyAKnownExtension() {
        assertThat(FileNames.sampleName("idle.01.json")).isEqualTo("idle.01");
        assertThat(FileNames.sampleName("training/cup.PNG")).isEqualTo("cup");
        assertThat(FileNames.sampleName("idle.01")).isEqualTo("idle.01");
        assertThat(FileNames.sampleName(".json")).isEqualTo(".json");
        assertThat(FileNames.sampleName("")).isEqualTo("sample");
    }
}
