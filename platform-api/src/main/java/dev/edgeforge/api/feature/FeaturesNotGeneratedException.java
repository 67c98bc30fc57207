package dev.edgeforge.api.feature;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import org.springframework.http.HttpStatus;

/** No feature generation job of this impulse version has succeeded yet. */
public class FeaturesNotGeneratedException extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("features-not-found", HttpStatus.NOT_FOUND, "Features not generated yet");

    public FeaturesNotGeneratedException(int impulseVersion) {
        super(
                TYPE,
                "There are no features of impulse version " + impulseVersion
                        + " yet; generate them first (POST .../jobs/features).");
    }
}
