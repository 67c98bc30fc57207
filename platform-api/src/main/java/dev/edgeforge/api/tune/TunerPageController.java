package dev.edgeforge.api.tune;

import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectPages;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.jobs.JobJson;
import dev.edgeforge.jobs.board.BoardCatalogue;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The Tuner page. A shell: its script ({@code js/tuner-page.js}) starts a search, follows it and shows its candidates
 * through the REST API; the page gives it the boards (for the budget form's defaults).
 */
@Controller
class TunerPageController {

    private final ProjectPages pages;
    private final BoardCatalogue boards;

    TunerPageController(ProjectPages pages, BoardCatalogue boards) {
        this.pages = pages;
        this.boards = boards;
    }

    /** A board as the budget form needs it. */
    record BoardOption(String id, String name, long ramBytes, long flashBytes) {}

    @GetMapping("/projects/{projectId}/tuner")
    String tuner(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, TuneNavConfiguration.NAV_KEY, model);
        model.addAttribute("canTune", grant.atLeast(ProjectRole.MEMBER));
        List<BoardOption> options = boards.all().stream()
                .map(b -> new BoardOption(
                        b.id(),
                        b.name() + " (" + b.mcu() + ")",
                        b.ram().sizeBytes(),
                        b.flash().sizeBytes()))
                .toList();
        model.addAttribute("boards", options);
        model.addAttribute("boardsJson", JobJson.write(options));
        return "tune/tuner";
    }
}
