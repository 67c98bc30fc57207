package dev.edgeforge.api.demo;

import dev.edgeforge.api.project.ProjectView;
import dev.edgeforge.api.sample.ServerBusyViolation;
import dev.edgeforge.api.sample.quota.StorageQuotaViolation;
import dev.edgeforge.api.security.CurrentPrincipal;
import dev.edgeforge.api.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/projects/demo}: a ready-made project to try the platform with. */
@RestController
@Tag(name = "Projects")
class DemoProjectController {

    private final DemoProjects demos;
    private final CurrentPrincipal current;

    DemoProjectController(DemoProjects demos, CurrentPrincipal current) {
        this.demos = demos;
        this.current = current;
    }

    @PostMapping("/api/v1/projects/demo")
    @Operation(
            summary = "Create a demo project",
            description = "Create a project you own holding generated accelerometer gestures (idle, wave, circle, "
                    + "updown) of 8 persons with per-person variation and sensor noise, the last 2 persons as the "
                    + "test set, and a saved impulse (2 s windows, spectral analysis, a classifier with training "
                    + "settings): generate features, train and deploy it right away. Signed-in users only.")
    @ProblemResponses({StorageQuotaViolation.class, ServerBusyViolation.class})
    ResponseEntity<ProjectView> create() {
        ProjectView project = demos.create(current.requireUser());
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.id()))
                .body(project);
    }
}
