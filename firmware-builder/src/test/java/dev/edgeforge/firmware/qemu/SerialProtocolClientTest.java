package dev.edgeforge.firmware.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SerialProtocolClientTest {

    @Test
    void parsesResultLines() {
        InferenceResult result =
                SerialProtocolClient.parseResult("result -3 17 127 -128 instr=5321", "result", "instr");
        assertThat(result).isEqualTo(new InferenceResult(new byte[] {-3, 17, 127, -128}, 5321, "instr"));
    }

    @Test
    void parsesTheDspBlocksCountOfWindowAnswers() {
        InferenceResult result =
                SerialProtocolClient.parseResult("result 4 -2 instr=900 dsp=600 later=1", "result", "instr");
        assertThat(result).isEqualTo(new InferenceResult(new byte[] {4, -2}, 900, "instr", OptionalLong.of(600)));
        assertThatThrownBy(() -> SerialProtocolClient.parseResult("result 4 instr=900 dsp=901", "result", "instr"))
                .isInstanceOf(SerialProtocolViolation.class)
                .hasMessageContaining("dsp=");
    }

    @Test
    void rejectsMalformedResultLines() {
        assertThatThrownBy(() -> SerialProtocolClient.parseResult("result 1 2 cycles=9", "result", "instr"))
                .isInstanceOf(SerialProtocolViolation.class)
                .hasMessageContaining("instr=");
        assertThatThrownBy(() -> SerialProtocolClient.parseResult("result 1 200 instr=9", "result", "instr"))
                .isInstanceOf(SerialProtocolViolation.class)
                .hasMessageContaining("int8");
        assertThatThrownBy(() -> SerialProtocolClient.parseResult("boot 1 instr=9", "result", "instr"))
                .isInstanceOf(SerialProtocolViolation.class);
        assertThatThrownBy(() -> SerialProtocolClient.parseResult("result x instr=9", "result", "instr"))
                .isInstanceOf(SerialProtocolViolation.class)
                .hasMessageContaining("decimal");
    }

    @Test
    void qemuCommandLineUsesIcountStdioSerialAndTheBoxWithoutSemihosting() {
        QemuRunner runner = QemuRunner.builder()
                .optExecutable(Path.of("/opt/qemu/bin/qemu-system-arm"))
                .build();
        assertThat(runner.command(Path.of("/build/firmware.elf")))
                .containsExactly(
                        "/opt/qemu/bin/qemu-system-arm",
                        "-M",
                        "netduinoplus2",
                        "-accel",
                        "tcg,tb-size=64",
                        "-nodefaults",
                        "-display",
                        "none",
                        "-monitor",
                        "none",
                        "-icount",
                        "shift=0",
                        "-no-reboot",
                        "-sandbox",
                        "on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny",
                        "-serial",
                        "stdio",
                        "-kernel",
                        "/build/firmware.elf");
        assertThat(runner.command(Path.of("/build/firmware.elf"))).noneMatch(arg -> arg.contains("semihosting"));
        assertThatThrownBy(() -> QemuRunner.builder()
                        .optExecutable(Path.of("/q"))
                        .optMachine("virt,secure=on")
                        .build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void modelNamesInTheBannerArePercentDecoded() {
        assertThat(SerialProtocolClient.decodeToken("kws%20words%0A%25%C3%A9")).isEqualTo("kws words\n%é");
        assertThat(SerialProtocolClient.decodeToken("100%")).isEqualTo("100%");
        assertThat(SerialProtocolClient.decodeToken("a%zz")).isEqualTo("a%zz");
    }
}
