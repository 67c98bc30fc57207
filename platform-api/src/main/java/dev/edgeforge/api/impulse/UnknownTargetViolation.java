package dev.edgeforge.api.impulse;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A cost estimate was asked for a board whose clock is not known. */
public class UnknownTargetViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("unknown-target", HttpStatus.BAD_REQUEST, "Target board not known");

    public UnknownTargetViolation(String target, List<String> known) {
        super(
                TYPE,
                "There is no target '" + target + "'; use one of " + String.join(", ", known) + ".",
                Map.of("targets", List.copyOf(known)));
    }
}
