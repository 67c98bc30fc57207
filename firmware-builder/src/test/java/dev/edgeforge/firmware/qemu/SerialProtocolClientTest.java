package dev.edgeforge.firmware.qemu;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SerialProtocolClientTest {

    @Test
    void parsesResultLines() {
        InferenceResult result = SerialProtocolClient.parseResult("result -3 17 127 -128 instr=5321", "result", "instr");
        assertThat(result).isEqualTo(new InferenceResult(new byte[] {-3, 17, 127, -128}, 5321, "instr"));
    }

    @Test
    void rejectsMalformedResultLines() {
        assertThatThrownBy(() -> SerialProtocolClient.parseResult("result 1 2 cycles=9", "result", "instr"))
                .isInstanceOf(SerialProtocolViolation.class).hasMessageContaining("instr=");
        assertThatThrownBy(() -> SerialProtocolClient.parseResult("result 1 200 instr=9", "result", "instr"))
                .isInstanceOf(SerialProtocolViolation.class).hasMessageContaining("int8");
        assertThatThrownBy(() -> SerialProtocolClient.parseResult("boot 1 instr=9", "result", "instr"))
                .isInstanceOf(SerialProtocolViolation.class);
        assertThatThrownBy(() -> SerialProtocolClient.parseResult("result x instr=9", "result", "instr"))
                .isInstanceOf(SerialProtocolViolation.class).hasMessageContaining("decimal");
    }

    @Test
    void qemuCommandLineUsesIcountSemihostingAndStdioSerial() {
        QemuRunner runner = QemuRunner.builder().optExecutable(Path.of("/opt/qemu/bin/qemu-system-arm")).build();
        assertThat(runner.command(Path.of("/build/firmware.elf"))).containsExactly(
                "/opt/qemu/bin/qemu-system-arm", "-M", "netduinoplus2", "-nographic", "-monitor", "none",
                "-icount", "shift=0", "-semihosting-config", "enable=on,target=native", "-serial", "stdio",
                "-kernel", "/build/firmware.elf");
    }
}
