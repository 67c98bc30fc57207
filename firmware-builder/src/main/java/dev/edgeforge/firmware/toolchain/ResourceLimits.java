package dev.edgeforge.firmware.toolchain;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The box an external tool (gcc, make, objcopy, QEMU) runs in, besides its wall-clock time limit: CPU seconds (the
 * kernel sends SIGXCPU), address space (allocations beyond it fail), the size of any file it writes (SIGXFSZ) and no
 * core dumps. Applied with {@code prlimit} of util-linux, which sets the limits on itself and then executes the tool,
 * so they hold for the tool and everything it starts.
 *
 * @param cpuSeconds        CPU time of each process
 * @param addressSpaceBytes virtual memory of each process
 * @param fileSizeBytes     the largest file a process may write (0: none)
 */
public record ResourceLimits(long cpuSeconds, long addressSpaceBytes, long fileSizeBytes) {

    static final String PRLIMIT = "prlimit";
    static final String INSTALL = "sudo apt-get install util-linux";

    private static final long MIB = 1024L * 1024L;
    /** CPU seconds beyond the wall-clock limit, so that the clearer wall-clock stop normally comes first. */
    private static final long CPU_MARGIN_SECONDS = 10;

    private static final long CPU_HARD_MARGIN_SECONDS = 5;

    /** Exit status of a process ended by a signal, as {@link Process#exitValue()} reports it on Linux. */
    static final int SIGNALLED = 128;

    static final int SIGXCPU = 24;
    static final int SIGXFSZ = 25;

    public ResourceLimits {
        if (cpuSeconds < 1 || addressSpaceBytes < MIB || fileSizeBytes < 0) {
            throw new IllegalArgumentException("resource limits must be at least 1 s of CPU and 1 MiB of memory, got "
                    + cpuSeconds + " s, " + addressSpaceBytes + " bytes, " + fileSizeBytes + " bytes of file");
        }
    }

    /**
     * Compilers, linkers, make and the programs tests build: 4 GiB of address space (cc1 on the const arrays of a
     * large model), files up to 512 MiB (objects, images, maps with debug information).
     */
    public static ResourceLimits forTools(Duration timeLimit) {
        return new ResourceLimits(cpuSeconds(timeLimit), 4096 * MIB, 512 * MIB);
    }

    /**
     * QEMU running a firmware image: 512 MiB of address space (with a 64 MiB translation buffer, see
     * {@code QemuRunner}) and no files at all: the emulator has nothing to write but its serial output, a pipe.
     */
    public static ResourceLimits forEmulator(Duration timeLimit) {
        return new ResourceLimits(cpuSeconds(timeLimit), 512 * MIB, 0);
    }

    /**
     * {@code prlimit --cpu=<soft>:<hard> --as=… --fsize=… --core=0 -- <command>}. The hard CPU limit lies a few
     * seconds above the soft one: at the soft limit the tool gets SIGXCPU, which says why it stopped (at the hard
     * one, or at both at once, it would be a bare SIGKILL).
     */
    public List<String> wrap(Path prlimit, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(
                prlimit.toString(),
                "--cpu=" + cpuSeconds + ":" + (cpuSeconds + CPU_HARD_MARGIN_SECONDS),
                "--as=" + addressSpaceBytes,
                "--fsize=" + fileSizeBytes,
                "--core=0",
                "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** {@code prlimit} from the PATH. */
    public static Path prlimit() {
        return ExecutableSearchPath.fromEnvironment().require(PRLIMIT, INSTALL);
    }

    /** Why a process with this exit status stopped, when a limit stopped it; empty otherwise. */
    public String explain(int exitStatus) {
        if (exitStatus == SIGNALLED + SIGXCPU) {
            return "stopped at its CPU time limit of " + cpuSeconds + " s";
        }
        if (exitStatus == SIGNALLED + SIGXFSZ) {
            return "stopped for writing a file larger than its limit of " + fileSizeBytes + " bytes";
        }
        return "";
    }

    private static long cpuSeconds(Duration timeLimit) {
        return Math.max(1, (timeLimit.toMillis() + 999) / 1000) + CPU_MARGIN_SECONDS;
    }
}
