package dev.edgeforge.api.deploy;

import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.jobs.board.BoardCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The boards EdgeForge builds for: the same for everyone signed in. */
@RestController
class TargetController {

    private final BoardCatalogue boards;
    private final CurrentPrincipal current;

    TargetController(BoardCatalogue boards, CurrentPrincipal current) {
        this.boards = boards;
        this.current = current;
    }

    @GetMapping("/api/v1/targets")
    @Operation(
            summary = "List target boards",
            description = "The boards EdgeForge builds for, with their MCU, core, clock, RAM and flash, how each "
                    + "is flashed and whether it can be emulated.")
    List<TargetView> targets() {
        current.require();
        return boards.all().stream().map(TargetView::of).toList();
    }
}
