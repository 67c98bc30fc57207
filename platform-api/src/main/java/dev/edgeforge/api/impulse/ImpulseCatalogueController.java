package dev.edgeforge.api.impulse;

import dev.edgeforge.api.impulse.ImpulseViews.LearningDefaultsView;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.core.impulse.Impulse;
import dev.edgeforge.core.impulse.ImpulseJson;
import dev.edgeforge.core.learning.LearningBlock;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** What the impulse editor builds its forms from: the DSP blocks, the cost targets and learning block defaults. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Impulse")
class ImpulseCatalogueController {

    private final CostTargets targets;
    private final CurrentPrincipal current;

    ImpulseCatalogueController(CostTargets targets, CurrentPrincipal current) {
        this.targets = targets;
        this.current = current;
    }

    @GetMapping("/dsp-blocks")
    @Operation(
            summary = "List processing blocks",
            description = "The processing blocks: type, title, inputs, axes and parameters with kinds, ranges and "
                    + "defaults.")
    List<DspBlockCatalogue.Block> dspBlocks() {
        current.require();
        return DspBlockCatalogue.blocks();
    }

    @GetMapping("/impulse/cost-targets")
    @Operation(
            summary = "List cost-estimate boards",
            description = "The boards cost estimates can be computed for, with their clocks.")
    List<CostTarget> costTargets() {
        current.require();
        return targets.all();
    }

    @PostMapping(path = "/learning-blocks/defaults", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Default learning block",
            description = "Default settings (layers) of a learning block of this kind for a draft impulse (the "
                    + "body), reading the processing blocks listed in inputs (all when empty).")
    LearningDefaultsView learningDefaults(
            @RequestParam("kind") String kind,
            @RequestParam(name = "inputs", required = false) List<Integer> inputs,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The draft impulse, as PUT /impulse takes it",
                            content = @Content(schema = @Schema(implementation = Impulse.class)))
                    @RequestBody
                    String body) {
        current.require();
        LearningBlock.Kind learningKind = LearningBlockSettings.kind(kind)
                .orElseThrow(() -> new ValidationViolation(
                        "kind",
                        "'" + kind + "' is not a learning block kind; use one of " + LearningBlockSettings.kinds()));
        Impulse draft = ImpulseDocuments.read(body);
        List<Integer> reads = inputs == null ? List.of() : inputs;
        Optional<LearningBlockSettings.FeatureInput> input = LearningBlockSettings.featureInput(draft, reads);
        JsonNode featureKind = input.map(i -> (JsonNode) ImpulseJson.mapper().valueToTree(i.kind()))
                .orElse(null);
        return new LearningDefaultsView(
                kind,
                featureKind,
                input.map(i -> i.shape().dims()).orElse(null),
                LearningBlockSettings.defaults(learningKind, draft, reads));
    }
}
