package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.model.Operator;

/** One operator of a {@link PreparedModel}: its position in execution order, the graph operator and its params. */
public record PreparedOperator(int index, Operator operator, OpParams params) {}
