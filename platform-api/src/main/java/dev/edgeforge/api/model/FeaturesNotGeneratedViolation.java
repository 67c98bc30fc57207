package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Training or testing needs features the project does not have yet (409). */
public class FeaturesNotGeneratedViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("features-not-generated", HttpStatus.CONFLICT, "Features not generated");

    public FeaturesNotGeneratedViolation(String detail) {
        super(TYPE, detail);
    }

    /** @param why what is missing and the call that fixes it ({@link FeatureSetLocator#whyMissing}) */
    static FeaturesNotGeneratedViolation forTraining(String why) {
        return new FeaturesNotGeneratedViolation("Training needs the features of the current impulse. " + why);
    }

    static FeaturesNotGeneratedViolation forTesting(String why) {
        return new FeaturesNotGeneratedViolation("Testing needs the test features of the current impulse. " + why);
    }

    static FeaturesNotGeneratedViolation noTestSamples(UUID projectId) {
        return new FeaturesNotGeneratedViolation("The features of the current impulse have no test windows: add test "
                + "samples (POST /api/v1/projects/" + projectId + "/samples with category testing), generate the "
                + "features again (POST /api/v1/projects/" + projectId + "/jobs/features), then test the model.");
    }
}
