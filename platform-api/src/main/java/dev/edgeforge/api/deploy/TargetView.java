package dev.edgeforge.api.deploy;

import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.RunPower;
import java.util.List;

/**
 * A board deployments can target.
 *
 * @param id              the target id for {@code POST …/deployments}
 * @param name            what people call the board
 * @param mcu             the microcontroller
 * @param core            the CPU core
 * @param clockHz         the system clock the firmware configures
 * @param flashBytes      flash available to the image
 * @param ramBytes        RAM available to the image
 * @param emulated        whether QEMU runs it, so deployments to it are verified before download
 * @param flashingMethod  the preferred way to flash it
 * @param flashingMethods every way to flash it, in order of preference
 * @param serialPort      where the firmware's line protocol runs
 * @param runPower        the MCU's datasheet Run-mode current per MHz and supply voltage, with their source (what
 *                        energy per inference is computed from)
 */
public record TargetView(
        String id,
        String name,
        String mcu,
        String core,
        long clockHz,
        long flashBytes,
        long ramBytes,
        boolean emulated,
        String flashingMethod,
        List<String> flashingMethods,
        String serialPort,
        RunPower runPower) {

    static TargetView of(Board board) {
        return new TargetView(
                board.id(),
                board.name(),
                board.mcu(),
                board.core().displayName(),
                board.clockHz(),
                board.flash().sizeBytes(),
                board.ram().sizeBytes(),
                board.emulated(),
                board.flashingTools().isEmpty() ? "" : board.flashingTools().get(0),
                board.flashingTools(),
                board.serialPort(),
                board.runPower());
    }
}
