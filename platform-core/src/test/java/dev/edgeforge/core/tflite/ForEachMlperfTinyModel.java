package dev.edgeforge.core.tflite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** A test run once for each of the {@link MlperfTinyModels#NAMES}, given the model's name. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest
@FieldSource("dev.edgeforge.core.tflite.MlperfTinyModels#NAMES")
public @interface ForEachMlperfTinyModel {}
