package dev.edgeforge.core.interpreter;

/** Prepared RESHAPE: a copy of {@code byteCount} bytes (nothing to compute). */
public record ReshapeParams(int byteCount) implements OpParams {}
