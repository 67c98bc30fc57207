package dev.edgeforge.firmware.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.board.BoardNotFoundException;
import dev.edgeforge.jobs.board.CounterKind;
import dev.edgeforge.jobs.board.KernelVariant;
import dev.edgeforge.jobs.board.MemoryRegion;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoardCatalogueTest {

    private final BoardCatalogue catalogue = BoardCatalogue.standard();

    @Test
    void listsTheFiveSupportedBoards() {
        assertThat(catalogue.all())
                .extracting(Board::id)
                .containsExactly(
                        "netduinoplus2-qemu",
                        "nucleo-f446re",
                        "nucleo-l4r5zi",
                        "stm32f746g-disco",
                        "arduino-nano-33-ble-sense");
    }

    @Test
    void onlyTheQemuBoardIsEmulatedAndItCountsInstructions() {
        Board qemu = catalogue.byId(BoardCatalogue.QEMU_BOARD_ID);
        assertThat(qemu.emulated()).isTrue();
        assertThat(qemu.qemuMachine()).contains("netduinoplus2");
        assertThat(qemu.counter().unit()).isEqualTo("instr");
        assertThat(catalogue.all()).filteredOn(Board::emulated).containsExactly(qemu);
        assertThat(catalogue.all())
                .filteredOn(board -> !board.emulated())
                .allSatisfy(board -> assertThat(board.counter()).isEqualTo(CounterKind.CYCLES));
    }

    @Test
    void compilerFlagsFollowTheCore() {
        assertThat(catalogue.byId("nucleo-f446re").compilerFlags())
                .containsExactly("-mcpu=cortex-m4", "-mthumb", "-mfpu=fpv4-sp-d16", "-mfloat-abi=hard");
        assertThat(catalogue.byId("stm32f746g-disco").compilerFlags())
                .containsExactly("-mcpu=cortex-m7", "-mthumb", "-mfpu=fpv5-sp-d16", "-mfloat-abi=hard");
        assertThat(catalogue.all())
                .allSatisfy(board -> assertThat(board.kernelVariant()).isEqualTo(KernelVariant.CORTEX_M));
    }

    @Test
    void memoryMapsMatchTheDatasheets() {
        assertThat(catalogue.byId("netduinoplus2-qemu").flash()).isEqualTo(new MemoryRegion(0x0800_0000L, 1 << 20));
        assertThat(catalogue.byId("netduinoplus2-qemu").ram()).isEqualTo(new MemoryRegion(0x2000_0000L, 128 << 10));
        assertThat(catalogue.byId("nucleo-f446re").flash().sizeBytes()).isEqualTo(512 << 10);
        assertThat(catalogue.byId("nucleo-l4r5zi").ram().sizeBytes()).isEqualTo(640 << 10);
        assertThat(catalogue.byId("stm32f746g-disco").ram().sizeBytes()).isEqualTo(320 << 10);
        Board nano = catalogue.byId("arduino-nano-33-ble-sense");
        assertThat(nano.flash().origin()).as("behind the Arduino bootloader").isEqualTo(0x10000L);
        assertThat(nano.flash().origin() + nano.flash().sizeBytes()).isEqualTo(1 << 20);
        assertThat(catalogue.byId("nucleo-f446re").clockHz()).isEqualTo(180_000_000L);
        assertThat(catalogue.byId("nucleo-l4r5zi").clockHz()).isEqualTo(120_000_000L);
        assertThat(catalogue.byId("stm32f746g-disco").clockHz()).isEqualTo(216_000_000L);
        assertThat(nano.clockHz()).isEqualTo(64_000_000L);
    }

    @Test
    void unknownIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> catalogue.byId("esp32"))
                .isInstanceOf(BoardNotFoundException.class)
                .hasMessageContaining("esp32")
                .hasMessageContaining("nucleo-f446re");
    }

    @Test
    void rejectsDuplicateIds() {
        Board board = catalogue.byId("nucleo-f446re");
        assertThatThrownBy(() -> new BoardCatalogue(List.of(board, board)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
