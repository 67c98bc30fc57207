package dev.edgeforge.firmware.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SizeReportTest {

    @Test
    void parsesBerkeleyOutput() {
        SizeReport report = SizeReport.parseBerkeley("""
                   text\t   data\t    bss\t    dec\t    hex\tfilename
                  23704\t     12\t  23464\t  47180\t   b84c\t/build/firmware.elf
                """);
        assertThat(report).isEqualTo(new SizeReport(23704, 12, 23464));
        assertThat(report.flashBytes()).isEqualTo(23716);
        assertThat(report.ramBytes()).isEqualTo(23476);
    }

    @Test
    void rejectsOtherOutputNamingIt() {
        assertThatThrownBy(() -> SizeReport.parseBerkeley("size: 'x.elf': No such file"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No such file");
        assertThatThrownBy(() -> SizeReport.parseBerkeley("text data bss\nabc 1 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("abc 1 2");
    }
}
