package dev.edgeforge.core.interpreter;

import dev.edgeforge.core.memory.MemoryPlan;
import dev.edgeforge.core.memory.MemoryPlanner;
import dev.edgeforge.core.model.ModelGraph;
import java.util.ArrayList;
import java.util.List;

/**
 * A graph with everything computable ahead of time computed: each operator's {@link OpParams} and the activation
 * arena plan. This is what the interpreter runs and what the C code generator emits.
 */
public final class PreparedModel {

    private final ModelGraph graph;
    private final List<PreparedOperator> operators;
    private final MemoryPlan memoryPlan;

    private PreparedModel(ModelGraph graph, List<PreparedOperator> operators, MemoryPlan memoryPlan) {
        this.graph = graph;
        this.operators = List.copyOf(operators);
        this.memoryPlan = memoryPlan;
    }

    /** Prepares a graph with the default memory planner. */
    public static PreparedModel prepare(ModelGraph graph) {
        return prepare(graph, new MemoryPlanner());
    }

    /**
     * Prepares a graph.
     *
     * @throws dev.edgeforge.core.model.ModelGraphViolation when an operator's quantization cannot be prepared
     */
    public static PreparedModel prepare(ModelGraph graph, MemoryPlanner planner) {
        graph.validate();
        ParamsFactory factory = new ParamsFactory(graph);
        List<PreparedOperator> operators = new ArrayList<>();
        for (int i = 0; i < graph.operators().size(); i++) {
            operators.add(new PreparedOperator(
                    i,
                    graph.operators().get(i),
                    factory.prepare(i, graph.operators().get(i))));
        }
        return new PreparedModel(graph, operators, planner.plan(graph));
    }

    public ModelGraph graph() {
        return graph;
    }

    /** Operators in execution order with their params. */
    public List<PreparedOperator> operators() {
        return operators;
    }

    /** Where each activation tensor lives in the arena. */
    public MemoryPlan memoryPlan() {
        return memoryPlan;
    }
}
