package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.ValidationViolation;
import dev.edgeforge.api.web.ProblemResponses;
import dev.edgeforge.core.learning.LearningBlock;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Training and test jobs of a project, and what the training page needs to build a learning block. */
@RestController
@RequestMapping("/api/v1/projects/{projectId}")
class TrainingController {

    private final ModelTrainingService training;

    TrainingController(ModelTrainingService training) {
        this.training = training;
    }

    /** Trains a model on the project's current features; the body may be empty (all defaults). */
    @PostMapping("/jobs/train")
    @Operation(
            summary = "Train a model",
            description = "Trains a model on the project's current features; the body may be empty (all defaults). "
                    + "Answers 202 with the job and the model it will fill; 409 names what is missing (e.g. features "
                    + "not generated) and the call that makes it.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemResponses({ValidationViolation.class, FeaturesNotGeneratedViolation.class})
    ModelJobStarted train(@PathVariable UUID projectId, @RequestBody(required = false) TrainRequest request) {
        return training.train(projectId, request);
    }

    /** Re-evaluates a ready model on the project's current test features. */
    @PostMapping("/jobs/test")
    @Operation(
            summary = "Test a model",
            description =
                    "Re-evaluates a ready model on the project's current test features; answers 202 with the job.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemResponses({
        ValidationViolation.class,
        ModelNotFoundException.class,
        ModelNotReadyViolation.class,
        ModelCapabilityViolation.class,
        FeaturesNotGeneratedViolation.class
    })
    ModelJobStarted test(@PathVariable UUID projectId, @RequestBody TestRequest request) {
        return training.test(projectId, request);
    }

    @GetMapping("/training/defaults")
    @Operation(
            summary = "Training defaults",
            description = "The learning block and hyperparameters the project's features get by default, with the "
                    + "feature shape, labels and window counts they were chosen for.")
    TrainingDefaults defaults(@PathVariable UUID projectId) {
        return training.defaults(projectId);
    }

    /** Body: {@code {"learningBlock": {...}}}. */
    @PostMapping("/training/architecture-check")
    @Operation(
            summary = "Check a network",
            description = "Checks a learning block's layers against the impulse's features before training: output "
                    + "shapes, parameter count and what is wrong, per layer.")
    ArchitectureCheck check(@PathVariable UUID projectId, @RequestBody ArchitectureCheckRequest request) {
        return training.check(projectId, request.learningBlock());
    }

    record ArchitectureCheckRequest(LearningBlock learningBlock) {}
}
