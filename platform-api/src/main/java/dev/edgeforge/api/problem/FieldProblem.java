package dev.edgeforge.api.problem;

/**
 * One entry of a validation problem's {@code errors[]}.
 *
 * @param field   the offending field, JSON path ({@code scopes[1]}) or parameter name
 * @param message what is wrong with it, in words a person can act on
 */
public record FieldProblem(String field, String message) {}
