package dev.edgeforge.api.deploy;

import dev.edgeforge.api.problem.EdgeForgeException;
import dev.edgeforge.api.problem.ProblemType;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A deployment whose estimate does not fit the board's RAM or flash, refused before anything is built (the linker
 * would fail after minutes). The problem carries the figures ({@code budget}: needed vs available and every buffer)
 * and how to insist ({@code "allowOverBudget": true}).
 */
public class DeploymentDoesNotFitViolation extends EdgeForgeException {

    public static final ProblemType TYPE =
            new ProblemType("deployment-does-not-fit", HttpStatus.UNPROCESSABLE_CONTENT, "Deployment does not fit");

    private final OverBudget budget;

    public DeploymentDoesNotFitViolation(OverBudget budget) {
        super(
                TYPE,
                budget.summary() + " Choose a board with more memory or a smaller model or impulse, or send "
                        + "\"allowOverBudget\": true to build anyway.");
        this.budget = budget;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("budget", budget, "override", "allowOverBudget");
    }
}
