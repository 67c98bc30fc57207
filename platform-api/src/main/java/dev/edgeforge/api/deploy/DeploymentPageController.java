package dev.edgeforge.api.deploy;

import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectPages;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.jobs.board.BoardCatalogue;
import dev.edgeforge.jobs.deploy.DeploymentFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;

/** The Deployment page: pick a model, target and format, see estimates, build, follow, download. */
@Controller
class DeploymentPageController {

    private final ProjectPages pages;
    private final DeployableModels models;
    private final BoardCatalogue boards;
    private final DeployableVariants variants;

    DeploymentPageController(
            ProjectPages pages, DeployableModels models, BoardCatalogue boards, DeployableVariants variants) {
        this.pages = pages;
        this.models = models;
        this.boards = boards;
        this.variants = variants;
    }

    /**
     * The variants the page offers for one model (its option's {@code data-variants}): the model's own int8 file, then
     * its compressed int8 variants, with the one a deployment builds by default.
     */
    record VariantChoice(String defaultVariant, List<DeployableVariant> compressed) {}

    /**
     * A format as the page offers it.
     *
     * @param available whether this version builds it
     * @param anomaly   whether it can hold an anomaly model (the others carry a network only)
     */
    record FormatOption(String id, String label, String description, boolean available, boolean anomaly) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<FormatOption> FORMATS = Arrays.stream(DeploymentFormat.values())
            .map(format -> new FormatOption(
                    format.id(),
                    label(format),
                    description(format),
                    DeploymentFormat.AVAILABLE.contains(format),
                    DeploymentService.ANOMALY_FORMATS.contains(format.id())))
            .toList();

    @GetMapping("/projects/{projectId}/deployment")
    String page(@PathVariable UUID projectId, Model model) {
        ProjectGrant grant = pages.open(projectId, DeployConfiguration.NAV_KEY, model);
        List<DeployableModel> deployable = models.list(projectId);
        Map<UUID, String> variantChoices = new HashMap<>();
        for (DeployableModel m : deployable) {
            VariantChoice choice = m.isAnomaly()
                    ? new VariantChoice(null, List.of())
                    : new VariantChoice(
                            variants.defaultVariant(projectId, m.modelId()), variants.list(projectId, m.modelId()));
            variantChoices.put(m.modelId(), JSON.writeValueAsString(choice));
        }
        model.addAttribute("models", deployable);
        model.addAttribute("variantChoices", variantChoices);
        model.addAttribute("targets", boards.all().stream().map(TargetView::of).toList());
        model.addAttribute("formats", FORMATS);
        model.addAttribute("canDeploy", grant.atLeast(ProjectRole.MEMBER));
        return "deploy/deployment";
    }

    private static String label(DeploymentFormat format) {
        return switch (format) {
            case FIRMWARE -> "Ready-to-flash firmware";
            case C_LIBRARY -> "C library";
            case TFLM -> "TensorFlow Lite Micro project";
            case STM32CUBEAI -> "STM32Cube.AI-compatible sources";
        };
    }

    private static String description(DeploymentFormat format) {
        return switch (format) {
            case FIRMWARE -> ".elf, .bin and .hex for the board, with the sources that rebuild them";
            case C_LIBRARY -> "portable C99: the compiled model, its DSP block and the API, no interpreter";
            case TFLM -> "the .tflite as a C array and an application for a TFLM checkout";
            case STM32CUBEAI ->
                "X-CUBE-AI's network files and app_x-cube-ai.c for a CubeMX project, and the Example/ image";
        };
    }
}
