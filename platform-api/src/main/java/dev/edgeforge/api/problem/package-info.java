/**
 * Errors as RFC 9457 problem details ({@code application/problem+json}).
 *
 * <p>How a feature reports an error: declare a {@link dev.edgeforge.api.problem.ProblemType} constant (stable
 * {@code code}, HTTP status, fixed title) and a small exception extending
 * {@link dev.edgeforge.api.problem.EdgeForgeException} named {@code <Thing>NotFoundException} or
 * {@code <Rule>Violation}; throw it with a one-sentence detail a person can act on. The single
 * {@link dev.edgeforge.api.problem.ProblemHandler} turns it into the response for REST controllers, and
 * {@link dev.edgeforge.api.problem.ProblemErrorController} does the same for container errors (no handler,
 * security filters, page controllers render an HTML error page instead). Every body carries {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance} and the extension {@code code}; validation
 * errors add {@code errors[]} with {@code field} and {@code message}. Stack traces never leave the server.
 */
package dev.edgeforge.api.problem;
