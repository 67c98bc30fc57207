package dev.edgeforge.api.deploy;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.core.device.NetworkCore;
import dev.edgeforge.core.model.stats.ModelStats;
import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.estimate.DeploymentEstimator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** RAM, flash and latency of a model on each target, before building (see {@link DeploymentEstimator}). */
@RestController
class EstimateController {

    private final ProjectAccess access;
    private final DeployableModels models;
    private final DeployableModelFiles files;
    private final BoardCatalogue boards;
    private final DeployableVariants variants;
    private final DeploymentEstimator estimator = new DeploymentEstimator();

    EstimateController(
            ProjectAccess access,
            DeployableModels models,
            DeployableModelFiles files,
            BoardCatalogue boards,
            DeployableVariants variants) {
        this.variants = variants;
        this.access = access;
        this.models = models;
        this.files = files;
        this.boards = boards;
    }

    @GetMapping("/api/v1/projects/{projectId}/models/{modelId}/estimates")
    @Operation(
            summary = "Estimate a model on boards",
            description = "RAM, flash and latency of the model (or of one of its compressed variants) on each "
                    + "target board (or on target), before building, with whether it fits.")
    ModelEstimatesView estimates(
            @PathVariable UUID projectId,
            @PathVariable UUID modelId,
            @RequestParam(name = "target", required = false) String target,
            @Parameter(
                            description = "int8 (the model's own file) or a compressed variant's name; default: the "
                                    + "variant chosen for deployment, else int8")
                    @RequestParam(name = "variant", required = false)
                    String variant) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        boolean all = target == null || target.isBlank();
        Board single = all ? null : board(target);
        DeployableModel model = models.require(projectId, modelId);
        DeployableVariants.Resolved resolved = variants.resolve(projectId, model, variant);
        DeployableModelFiles.Loaded loaded = files.load(resolved.model());
        ModelStats stats = ModelStats.of(NetworkCore.of(loaded.graph()).graph());
        List<ModelEstimatesView.TargetEstimateView> estimates = (all
                        ? estimator.estimateAll(loaded.graph(), loaded.impulse(), boards)
                        : List.of(estimator.estimate(loaded.graph(), loaded.impulse(), single)))
                .stream().map(ModelEstimatesView.TargetEstimateView::of).toList();
        return new ModelEstimatesView(
                model.modelId(),
                model.name(),
                resolved.variant(),
                stats.parameters(),
                stats.macs(),
                stats.weightBytes(),
                stats.arenaBytes(),
                stats.activationLowerBound(),
                DeploymentEstimator.METHOD,
                estimates);
    }

    private Board board(String id) {
        return boards.find(id)
                .orElseThrow(() -> new ValidationViolation(
                        "target",
                        "unknown target '" + id + "'; known: "
                                + String.join(
                                        ", ",
                                        boards.all().stream().map(Board::id).toList())));
    }
}
