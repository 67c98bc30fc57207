package dev.edgeforge.firmware.bundle;

/**
 * A deployment could not be built: the compiler or linker rejected the sources, a tool outlived the time limit, or
 * the model cannot be compiled. {@link #compilerOutput()} is what to show the user (empty when no tool ran).
 */
public class DeploymentBuildFailedException extends RuntimeException {

    private final String compilerOutput;

    public DeploymentBuildFailedException(String message, String compilerOutput, Throwable cause) {
        super(message, cause);
        this.compilerOutput = compilerOutput == null ? "" : compilerOutput;
    }

    public String compilerOutput() {
        return compilerOutput;
    }
}
