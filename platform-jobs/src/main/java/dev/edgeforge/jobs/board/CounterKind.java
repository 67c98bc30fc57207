package dev.edgeforge.jobs.board;

/** What a board's firmware counts around each inference, as reported after {@code <unit>=} in result lines. */
public enum CounterKind {
    /** Executed instructions: TIM2 under QEMU {@code -icount shift=0}; repeatable from run to run. */
    INSTRUCTIONS("instr"),
    /** CPU clock cycles: the DWT cycle counter of real hardware. */
    CYCLES("cycles");

    private final String unit;

    CounterKind(String unit) {
        this.unit = unit;
    }

    /** The unit as the firmware prints it ({@code instr} or {@code cycles}). */
    public String unit() {
        return unit;
    }
}
