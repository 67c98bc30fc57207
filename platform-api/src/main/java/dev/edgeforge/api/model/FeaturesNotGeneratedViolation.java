package dev.edgeforge.api.model;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** Training or testing needs features the project does not have yet (409). */
public class FeaturesNotGeneratedViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("features-not-generated", HttpStatus.CONFLICT, "Features not generated");

    public FeaturesNotGeneratedViolation(String detail) {
        super(TYPE, detail);
    }

    static FeaturesNotGeneratedViolation forTraining() {
        return new FeaturesNotGeneratedViolation("The project has no features for its current impulse; generate "
                + "features on the impulse page, then start training.");
    }

    static FeaturesNotGeneratedViolation forTesting() {
        return new FeaturesNotGeneratedViolation("The project has no test features for its current impulse; add "
                + "test samples and generate features, then test the model.");
    }
}
