package dev.edgeforge.jobs.board;

import java.util.Objects;

/**
 * What the MCU draws while it computes, from its datasheet: the typical Run-mode supply current per MHz (code in
 * flash, peripherals off) and the supply voltage it is specified at. Energy per inference is this current at the
 * board's clock × the voltage × the time per inference, i.e. {@code µA/MHz × V × cycles}: the clock cancels out.
 * It is the MCU alone (no sensors, regulators, LEDs or debug probe on the board).
 *
 * @param microampsPerMhz typical Run-mode current per MHz of clock
 * @param supplyVolts     the supply voltage the figure is given at
 * @param source          the datasheet and the condition the figure is from, for people
 */
public record RunPower(double microampsPerMhz, double supplyVolts, String source) {

    public RunPower {
        Objects.requireNonNull(source, "source");
        if (!(microampsPerMhz > 0) || !(supplyVolts > 0)) {
            throw new IllegalArgumentException("run power needs a positive current and voltage, got " + microampsPerMhz
                    + " µA/MHz at " + supplyVolts + " V");
        }
    }

    /** Microjoules to execute {@code cycles} clock cycles. */
    public double microjoules(double cycles) {
        return microampsPerMhz * supplyVolts * cycles * 1e-6;
    }
}
