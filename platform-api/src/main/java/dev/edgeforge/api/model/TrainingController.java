package dev.edgeforge.api.model;

import dev.edgeforge.core.learning.LearningBlock;
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
    @ResponseStatus(HttpStatus.ACCEPTED)
    ModelJobStarted train(@PathVariable UUID projectId, @RequestBody(required = false) TrainRequest request) {
        return training.train(projectId, request);
    }

    /** Re-evaluates a ready model on the project's current test features. */
    @PostMapping("/jobs/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ModelJobStarted test(@PathVariable UUID projectId, @RequestBody TestRequest request) {
        return training.test(projectId, request);
    }

    @GetMapping("/training/defaults")
    TrainingDefaults defaults(@PathVariable UUID projectId) {
        return training.defaults(projectId);
    }

    /** Body: {@code {"learningBlock": {...}}}. */
    @PostMapping("/training/architecture-check")
    ArchitectureCheck check(@PathVariable UUID projectId, @RequestBody ArchitectureCheckRequest request) {
        return training.check(projectId, request.learningBlock());
    }

    record ArchitectureCheckRequest(LearningBlock learningBlock) {}
}
