package dev.edgeforge.api.impulse;

import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The boards cost estimates know the clock of: every board of the catalogue the firmware builder builds for. */
@Component
public class CostTargets {

    /** The default target: the emulated board firmware is checked on. */
    public static final String DEFAULT = BoardCatalogue.QEMU_BOARD_ID;

    private final List<CostTarget> targets;

    CostTargets(BoardCatalogue boards) {
        this.targets = boards.all().stream().map(CostTargets::target).toList();
    }

    public List<CostTarget> all() {
        return targets;
    }

    public Optional<CostTarget> find(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** @throws UnknownTargetViolation naming the known targets */
    public CostTarget require(String id) {
        return find(id == null || id.isBlank() ? DEFAULT : id.trim())
                .orElseThrow(() -> new UnknownTargetViolation(
                        id, targets.stream().map(CostTarget::id).toList()));
    }

    private static CostTarget target(Board board) {
        return new CostTarget(
                board.id(),
                board.name() + " (" + board.mcu() + ", " + board.core().displayName() + ")",
                board.clockHz(),
                board.ram().sizeBytes(),
                board.flash().sizeBytes());
    }
}
