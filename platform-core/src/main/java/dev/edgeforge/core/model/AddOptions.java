package dev.edgeforge.core.model;

/** Options of ADD. */
public record AddOptions(Activation activation) implements OperatorOptions {

    public AddOptions {
        OptionChecks.notNull(activation, "activation");
    }
}
