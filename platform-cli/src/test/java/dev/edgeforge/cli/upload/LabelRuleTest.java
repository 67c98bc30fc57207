package dev.edgeforge.cli.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LabelRuleTest {

    @Test
    void theLabelIsTheNameUpToItsFirstDotAsEdgeImpulseHasIt() {
        assertThat(LabelRule.labelOf("idle.01.json")).hasValue("idle");
        assertThat(LabelRule.labelOf("idle.json")).hasValue("idle");
        assertThat(LabelRule.labelOf("wave.s1.2024-05-01.cbor")).hasValue("wave");
        assertThat(LabelRule.labelOf("noise")).hasValue("noise");
    }

    @Test
    void foldersArePartOfThePathNotOfTheName() {
        assertThat(LabelRule.labelOf(Path.of("data", "circle.v2", "updown.7.json")))
                .hasValue("updown");
        assertThat(LabelRule.labelOf("data/circle.v2/updown.7.json")).hasValue("updown");
        assertThat(LabelRule.labelOf("C:\\data\\idle.3.wav")).hasValue("idle");
    }

    @Test
    void aNameThatLeavesNothingHasNoLabel() {
        assertThat(LabelRule.labelOf(".json")).isEmpty();
        assertThat(LabelRule.labelOf("  .01.json")).isEmpty();
    }

    @Test
    void blanksAroundTheLabelAreDroppedAndLongLabelsCutAsTheServerCutsThem() {
        assertThat(LabelRule.labelOf(" left turn .1.json")).hasValue("left turn");
        assertThat(LabelRule.labelOf("x".repeat(300) + ".json")).hasValue("x".repeat(200));
    }

    @Test
    void unicodeNamesKeepTheirLetters() {
        assertThat(LabelRule.labelOf("Grüße.1.json")).hasValue("Grüße");
    }
}
