package dev.edgeforge.api.impulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import org.junit.jupiter.api.Test;

class CostTargetsTest {

    private final BoardCatalogue boards = BoardCatalogue.standard();
    private final CostTargets targets = new CostTargets(boards);

    @Test
    void everyBoardOfTheCatalogueIsATargetWithItsClock() {
        assertThat(targets.all())
                .extracting(CostTarget::id)
                .containsExactlyElementsOf(boards.all().stream().map(Board::id).toList());
        Board nucleo = boards.byId("nucleo-f446re");
        assertThat(targets.require("nucleo-f446re").clockHz()).isEqualTo(nucleo.clockHz());
        assertThat(targets.require("nucleo-f446re").name()).contains(nucleo.name(), nucleo.mcu());
    }

    @Test
    void noTargetMeansTheEmulatedBoardAndAnUnknownOneIsRefused() {
        assertThat(targets.require(null).id()).isEqualTo(BoardCatalogue.QEMU_BOARD_ID);
        assertThat(targets.require(" ").id()).isEqualTo(CostTargets.DEFAULT);
        assertThatThrownBy(() -> targets.require("esp32"))
                .isInstanceOf(UnknownTargetViolation.class)
                .hasMessageContaining("nucleo-f446re");
    }
}
