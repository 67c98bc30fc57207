package dev.edgeforge.api.impulse;

import dev.edgeforge.api.account.UserDirectory;
import dev.edgeforge.api.account.UserSummary;
import dev.edgeforge.api.impulse.ImpulseCosts.CostReport;
import dev.edgeforge.api.impulse.ImpulseViews.ImpulseVersionView;
import dev.edgeforge.api.impulse.ImpulseViews.ImpulseView;
import dev.edgeforge.api.impulse.ImpulseViews.SavedImpulseView;
import dev.edgeforge.api.impulse.ImpulseViews.SuggestionView;
import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.project.ProjectAccess;
import dev.edgeforge.api.project.ProjectGrant;
import dev.edgeforge.api.project.ProjectRole;
import dev.edgeforge.api.web.ProblemResponses;
import dev.edgeforge.core.impulse.Impulse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A project's impulse: the latest version, saving a new one, the history and the cost estimates. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/impulse")
@Tag(name = "Impulse")
class ImpulseController {

    private final ImpulseService impulses;
    private final ProjectAccess access;
    private final CostTargets targets;
    private final UserDirectory users;

    ImpulseController(ImpulseService impulses, ProjectAccess access, CostTargets targets, UserDirectory users) {
        this.impulses = impulses;
        this.access = access;
        this.targets = targets;
        this.users = users;
    }

    @GetMapping
    @Operation(
            summary = "Get the impulse",
            description = "The latest impulse version; when none was saved, version 0: the impulse suggested from "
                    + "the project's data (suggested: true, with its reasons), or the motion template without data.")
    ImpulseView latest(@PathVariable UUID projectId) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        return impulses.latest(projectId)
                .map(ImpulseView::of)
                .orElseGet(() -> impulses.suggestion(projectId)
                        .map(s -> ImpulseView.suggested(s.suggestion()))
                        .orElseGet(() -> ImpulseView.unsaved(impulses.defaultImpulse())));
    }

    @GetMapping("/suggestion")
    @Operation(
            summary = "Suggest an impulse",
            description = "An impulse made for the project's samples (kind of data, axes, rate, window, DSP and "
                    + "learning block), in the JSON PUT takes, with the reasons for each choice; 409 without samples.")
    SuggestionView suggestion(@PathVariable UUID projectId) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        return impulses.suggestion(projectId)
                .map(SuggestionView::of)
                .orElseThrow(() -> new NoDataToSuggestFromViolation(projectId));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Save the impulse",
            description = "Save the impulse: a changed impulse becomes a new version, an unchanged one does not; "
                    + "invalid fields answer 400 with errors[], fields that do not fit the project's samples 422; "
                    + "warnings[] says what the impulse does to the data (resampling, data left unused).")
    @ProblemResponses({ValidationViolation.class, ImpulseDataMismatchViolation.class})
    SavedImpulseView save(
            @PathVariable UUID projectId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The impulse as GET returns it (its version is assigned on save)",
                            content = @Content(schema = @Schema(implementation = Impulse.class)))
                    @RequestBody
                    String body) {
        ProjectGrant grant = access.requireRole(projectId, ProjectRole.MEMBER);
        Impulse impulse = ImpulseDocuments.read(body);
        return SavedImpulseView.of(
                impulses.save(projectId, impulse, grant.userId().orElse(null)));
    }

    @GetMapping("/versions")
    @Operation(
            summary = "List impulse versions",
            description =
                    "Every saved version of the impulse, newest first, with who saved it and a one-line " + "summary.")
    List<ImpulseVersionView> versions(@PathVariable UUID projectId) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        List<StoredImpulse> all = impulses.versions(projectId);
        Map<UUID, UserSummary> authors = users.findAllById(all.stream()
                .map(StoredImpulse::createdBy)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return all.stream()
                .map(s -> new ImpulseVersionView(
                        s.version(),
                        s.createdAt(),
                        s.createdBy(),
                        s.createdBy() == null || !authors.containsKey(s.createdBy())
                                ? null
                                : authors.get(s.createdBy()).displayName(),
                        ImpulseViews.summary(s.impulse())))
                .toList();
    }

    @GetMapping("/versions/{version}")
    @Operation(summary = "Get an impulse version", description = "One saved version of the impulse, as PUT takes it.")
    ImpulseView version(@PathVariable UUID projectId, @PathVariable int version) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        return ImpulseView.of(impulses.version(projectId, version));
    }

    @GetMapping("/costs")
    @Operation(
            summary = "Estimate the impulse's costs",
            description = "RAM, flash and time per window of each processing block of a saved version (default: "
                    + "the latest) on a target board.")
    CostReport costs(
            @PathVariable UUID projectId,
            @RequestParam(name = "target", required = false) String target,
            @RequestParam(name = "version", required = false) Integer version) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        CostTarget board = targets.require(target);
        StoredImpulse stored = version != null
                ? impulses.version(projectId, version)
                : impulses.latest(projectId)
                        .orElseThrow(() -> new ImpulseNotSavedViolation("A cost estimate", projectId));
        return ImpulseCosts.estimate(stored.impulse(), board, stored.version());
    }

    @PostMapping(path = "/costs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Estimate a draft impulse's costs",
            description = "Cost estimates of a draft impulse (the body, not saved): what the editor shows while "
                    + "parameters change.")
    CostReport draftCosts(
            @PathVariable UUID projectId,
            @RequestParam(name = "target", required = false) String target,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "The impulse as GET returns it (its version is assigned on save)",
                            content = @Content(schema = @Schema(implementation = Impulse.class)))
                    @RequestBody
                    String body) {
        access.requireRole(projectId, ProjectRole.VIEWER);
        CostTarget board = targets.require(target);
        return ImpulseCosts.estimate(ImpulseDocuments.read(body), board, null);
    }
}
