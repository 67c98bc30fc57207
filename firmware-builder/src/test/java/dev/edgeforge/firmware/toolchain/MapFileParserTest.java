package dev.edgeforge.firmware.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.firmware.TestResources;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Against a real map: arm-none-eabi-ld 2.40 linking the echo test firmware for netduinoplus2-qemu
 * (arm-none-eabi-size said text 1396, data 8, bss 8192).
 */
class MapFileParserTest {

    static LinkerMap map;

    @BeforeAll
    static void parse() throws IOException {
        map = MapFileParser.parse(Files.readString(TestResources.path("toolchain/echo-netduinoplus2-qemu.map")));
    }

    @Test
    void readsTheMemoryRegions() {
        assertThat(map.regions())
                .containsExactly(
                        new LinkerMemoryRegion("FLASH", 0x0800_0000L, 0x10_0000L),
                        new LinkerMemoryRegion("RAM", 0x2000_0000L, 0x2_0000L));
    }

    @Test
    void readsOutputSectionsWithTheirLoadAddresses() {
        OutputSection vectors = map.section(".isr_vector").orElseThrow();
        assertThat(vectors.address()).isEqualTo(0x0800_0000L);
        assertThat(vectors.size()).isEqualTo(0x188);
        OutputSection data = map.section(".data").orElseThrow();
        assertThat(data.address()).isEqualTo(0x2000_0000L);
        assertThat(data.size()).isEqualTo(8);
        assertThat(data.loadAddress()).isEqualTo(0x0800_0574L);
        assertThat(map.section(".stack").orElseThrow().size()).isEqualTo(0x2000);
        assertThat(map.section(".ARM.attributes")).as("wrapped onto two lines").isPresent();
    }

    @Test
    void readsInputSectionsIncludingWrappedOnes() {
        OutputSection text = map.section(".text").orElseThrow();
        assertThat(text.inputs())
                .contains(new InputSection(".text.ef_default_handler", 0x0800_027CL, 8, "cortex_m_startup.o"));
        assertThat(map.section(".data").orElseThrow().inputs())
                .containsExactly(new InputSection(".data.greeting", 0x2000_0000L, 7, "main.o"));
    }

    @Test
    void flashAndRamUseAgreeWithSize() {
        RegionUsage flash = map.usage(map.region("FLASH").orElseThrow());
        RegionUsage ram = map.usage(map.region("RAM").orElseThrow());
        assertThat(flash.usedBytes()).as("text + data").isEqualTo(1396 + 8);
        assertThat(ram.usedBytes()).as("data + bss").isEqualTo(8 + 8192);
        assertThat(flash.bytesBySection())
                .containsEntry(".isr_vector", 0x188L)
                .containsEntry(".text", 0x3ecL)
                .containsEntry(".data (load)", 8L);
        assertThat(ram.bytesBySection()).containsEntry(".data", 8L).containsEntry(".stack", 0x2000L);
        assertThat(flash.bytesByFile()).containsKeys("main.o", "board.o", "startup.o", "cortex_m_startup.o");
        assertThat(flash.bytesByFile().keySet().iterator().next())
                .as("largest first")
                .isEqualTo("startup.o");
        assertThat(flash.bytesByFile().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isLessThanOrEqualTo(flash.usedBytes());
        assertThat(flash.freeBytes()).isEqualTo(0x10_0000L - 1404);
    }

    @Test
    void rejectsTextThatIsNotAMap() {
        assertThatThrownBy(() -> MapFileParser.parse("hello"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a GNU ld map file");
    }
}
