package dev.edgeforge.api.web;

import dev.edgeforge.api.problem.EdgeForgeException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an operation answers besides the ones every operation can (see {@link OpenApiProblems}), named by their
 * exception classes: the OpenAPI document lists each one's code and title under its HTTP status. Each class must
 * declare its problem type as a {@code public static final ProblemType TYPE}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemResponses {

    Class<? extends EdgeForgeException>[] value();
}
