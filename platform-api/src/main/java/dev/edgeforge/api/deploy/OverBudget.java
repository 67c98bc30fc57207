package dev.edgeforge.api.deploy;

import dev.edgeforge.jobs.estimate.DeploymentEstimate;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a deployment's estimate needs of a board against what the board has, buffer by buffer: the figures a refused
 * request answers with, and a deployment built anyway keeps.
 *
 * @param boardId   the board
 * @param boardName what people call it
 * @param fits      whether both RAM and flash fit
 * @param ram       RAM needed (statically reserved) vs available
 * @param flash     flash needed vs available
 */
public record OverBudget(String boardId, String boardName, boolean fits, Memory ram, Memory flash) {

    /**
     * One memory of the board.
     *
     * @param neededBytes    what the image is estimated to take
     * @param availableBytes what the board has
     * @param fits           {@code neededBytes <= availableBytes}
     * @param buffers        the parts of {@code neededBytes}, largest first
     */
    public record Memory(long neededBytes, long availableBytes, boolean fits, List<Buffer> buffers) {

        static Memory of(long needed, long available, List<Buffer> buffers) {
            List<Buffer> sorted = buffers.stream()
                    .sorted((a, b) -> Long.compare(b.bytes(), a.bytes()))
                    .toList();
            return new Memory(needed, available, needed <= available, sorted);
        }

        String describe(String what) {
            return String.format(
                    Locale.ROOT,
                    "%s B of %s needed, %s B available (%s)",
                    bytes(neededBytes),
                    what,
                    bytes(availableBytes),
                    buffers.stream()
                            .filter(b -> b.bytes() > 0)
                            .map(b -> b.name() + " " + bytes(b.bytes()) + " B")
                            .collect(Collectors.joining(", ")));
        }
    }

    /**
     * @param name  what the buffer holds, for people
     * @param bytes its size
     */
    public record Buffer(String name, long bytes) {}

    public static OverBudget of(DeploymentEstimate estimate) {
        DeploymentEstimate.Ram r = estimate.ram();
        DeploymentEstimate.Flash f = estimate.flash();
        if (estimate.anomaly() != null) {
            return anomaly(estimate);
        }
        Memory ram = Memory.of(
                r.totalBytes(),
                r.capacityBytes(),
                List.of(
                        new Buffer("activation arena", r.arenaBytes()),
                        new Buffer("DSP buffers", r.dspBytes()),
                        new Buffer("raw window buffer", r.windowBytes()),
                        new Buffer("runtime (stack, serial, C library)", r.runtimeBytes())));
        Memory flash = Memory.of(
                f.totalBytes(),
                f.capacityBytes(),
                List.of(
                        new Buffer("weights", f.weightBytes()),
                        new Buffer("model code", f.modelCodeBytes()),
                        new Buffer("kernels", f.kernelBytes()),
                        new Buffer("DSP code and tables", f.dspBytes()),
                        new Buffer("runtime", f.runtimeBytes())));
        return new OverBudget(estimate.boardId(), estimate.boardName(), estimate.fits(), ram, flash);
    }

    /** An anomaly image: no arena, no kernels; the feature buffer, the model's tables and its scorer instead. */
    private static OverBudget anomaly(DeploymentEstimate estimate) {
        DeploymentEstimate.Ram r = estimate.ram();
        DeploymentEstimate.Flash f = estimate.flash();
        long featureBuffer = r.totalBytes() - r.dspBytes() - r.windowBytes() - r.runtimeBytes();
        Memory ram = Memory.of(
                r.totalBytes(),
                r.capacityBytes(),
                List.of(
                        new Buffer("DSP buffers", r.dspBytes()),
                        new Buffer("feature buffer", featureBuffer),
                        new Buffer("raw window buffer", r.windowBytes()),
                        new Buffer("runtime (stack, serial, C library)", r.runtimeBytes())));
        Memory flash = Memory.of(
                f.totalBytes(),
                f.capacityBytes(),
                List.of(
                        new Buffer("anomaly model tables", f.weightBytes()),
                        new Buffer("scorer and math library", f.modelCodeBytes()),
                        new Buffer("DSP code and tables", f.dspBytes()),
                        new Buffer("runtime", f.runtimeBytes())));
        return new OverBudget(estimate.boardId(), estimate.boardName(), estimate.fits(), ram, flash);
    }

    /** Why it is refused, e.g. "The estimate does not fit the X: 138,808 B of RAM needed, 131,072 B available (…).". */
    public String summary() {
        return "The estimate does not fit the " + boardName + ":" + details();
    }

    /** What a deployment built anyway says about itself. */
    public String warning() {
        return "Built although the estimate does not fit the " + boardName + ":" + details()
                + " Expect the build to fail at the linker, or the board to run out of memory.";
    }

    private String details() {
        StringBuilder text = new StringBuilder();
        if (!ram.fits()) {
            text.append(' ').append(ram.describe("RAM")).append('.');
        }
        if (!flash.fits()) {
            text.append(' ').append(flash.describe("flash")).append('.');
        }
        return text.toString();
    }

    private static String bytes(long value) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
    }
}
