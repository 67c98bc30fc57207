package dev.edgeforge.firmware.toolchain;

/** The compiler or linker rejected the sources; {@link #compilerOutput()} is what to show the user. */
public class CompilationFailedException extends RuntimeException {

    private final int exitCode;
    private final String compilerOutput;

    public CompilationFailedException(String step, int exitCode, String compilerOutput) {
        super(step + " failed with exit code " + exitCode + ":\n" + compilerOutput);
        this.exitCode = exitCode;
        this.compilerOutput = compilerOutput;
    }

    public int exitCode() {
        return exitCode;
    }

    public String compilerOutput() {
        return compilerOutput;
    }
}
