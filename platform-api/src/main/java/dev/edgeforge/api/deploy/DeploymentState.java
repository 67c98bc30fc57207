package dev.edgeforge.api.deploy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a deployment is: it follows its job (queued → building → ready | failed | cancelled), as
 * {@link DeploymentJobOutcomes} learns of it.
 */
public enum DeploymentState {
    QUEUED,
    BUILDING,
    READY,
    FAILED,
    CANCELLED;

    /** The value stored in {@code deployments.state} and shown by the API. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value, so that templates print the state as the API shows it. */
    @Override
    public String toString() {
        return value();
    }

    public boolean isTerminal() {
        return this == READY || this == FAILED || this == CANCELLED;
    }

    static DeploymentState fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
