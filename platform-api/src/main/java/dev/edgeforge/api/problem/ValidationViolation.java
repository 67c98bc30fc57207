package dev.edgeforge.api.problem;

import java.util.List;

/**
 * Input that is well-formed but breaks a rule found by code rather than by Bean Validation annotations, e.g. a
 * CSV row with a bad value. Lists the offending fields in {@code errors[]}.
 */
public class ValidationViolation extends EdgeForgeException {

    public static final ProblemType TYPE = CommonProblems.VALIDATION_FAILED;

    public ValidationViolation(String detail, List<FieldProblem> errors) {
        super(TYPE, detail, errors, null);
    }

    public ValidationViolation(String field, String message) {
        this("The field '" + field + "' is not valid: " + message + ".", List.of(new FieldProblem(field, message)));
    }
}
