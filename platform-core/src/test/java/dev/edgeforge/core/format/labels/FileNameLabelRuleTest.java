package dev.edgeforge.core.format.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileNameLabelRuleTest {

    /** Issue #12: spoken digits named {@code 0_george_5.wav} got the label {@code 0_george_5}, with no way out. */
    @Test
    void edgeImpulsesRuleStaysTheDefaultAndASeparatorGivesTheDigit() {
        FileNameLabelRule byDefault = FileNameLabelRule.parse(null);
        assertThat(byDefault.labelOf("0_george_5.wav")).contains("0_george_5");
        assertThat(byDefault.labelOf("recordings/idle.01.json")).contains("idle");
        assertThat(byDefault.labelOf(".json")).isEmpty();
        assertThat(FileNameLabelRule.parse("first-dot")).isEqualTo(byDefault);

        FileNameLabelRule separator = FileNameLabelRule.parse("separator:_");
        assertThat(separator.labelOf("0_george_5.wav")).contains("0");
        assertThat(separator.labelOf("idle.01.json")).contains("idle");
        assertThat(FileNameLabelRule.parse("separator:-").labelOf("wave-2024-01.csv"))
                .contains("wave");
        assertThat(separator.text()).isEqualTo("separator:_");
    }

    @Test
    void aRegularExpressionsOneGroupIsTheLabel() {
        FileNameLabelRule rule = FileNameLabelRule.parse("regex:^(\\d+)_");
        assertThat(rule.labelOf("0_george_5.wav")).contains("0");
        assertThat(rule.labelOf("dir\\12_jackson_0.wav")).contains("12");
        assertThat(FileNameLabelRule.parse("regex:_([a-z]+)_\\d+\\.wav$").labelOf("3_theo_7.wav"))
                .contains("theo");
        assertThatThrownBy(() -> rule.labelOf("george.wav"))
                .isInstanceOf(NoLabelInFileNameException.class)
                .hasMessage("the name 'george.wav' gives no label with the pattern ^(\\d+)_ (it does not match)");
        assertThatThrownBy(() -> FileNameLabelRule.parse("regex:^(\\d*)").labelOf("x.wav"))
                .hasMessageContaining("its group is empty");
    }

    @Test
    void badRulesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> FileNameLabelRule.parse("suffix:_"))
                .isInstanceOf(LabelRuleViolation.class)
                .hasMessageStartingWith("unknown label rule 'suffix:_'");
        assertThatThrownBy(() -> FileNameLabelRule.parse("separator:")).hasMessageContaining("the separator is empty");
        assertThatThrownBy(() -> FileNameLabelRule.parse("regex:^(\\d+_"))
                .isInstanceOf(LabelRuleViolation.class)
                .hasMessageStartingWith("the pattern does not compile: Unclosed group");
        assertThatThrownBy(() -> FileNameLabelRule.parse("regex:^\\d+_"))
                .hasMessage("the pattern must have exactly one capturing group (the label), it has 0; write other "
                        + "groups as (?:...)");
        assertThatThrownBy(() -> FileNameLabelRule.parse("regex:(a)(b)")).hasMessageContaining("it has 2");
        assertThatThrownBy(() -> FileNameLabelRule.parse("regex:" + "a".repeat(201)))
                .hasMessage("the pattern is longer than 200 characters");
    }

    @Test
    void catastrophicPatternsAreRefusedOrStoppedNotRunForever() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> FileNameLabelRule.parse("regex:^(?:(a+)\\1)+b"))
                .isInstanceOf(LabelRuleViolation.class)
                .hasMessageStartingWith("the pattern backtracks catastrophically");
        // passes the probes (they hold no 'x'), but a name full of x is stopped by the read budget
        FileNameLabelRule sneaky = FileNameLabelRule.parse("regex:^(?:(x+)\\1)+y");
        assertThatThrownBy(() -> sneaky.labelOf("x".repeat(300) + ".wav"))
                .isInstanceOf(NoLabelInFileNameException.class)
                .hasMessageContaining("takes too long");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(sneaky.labelOf("xxy.wav")).isEqualTo(Optional.of("x"));
    }
}
