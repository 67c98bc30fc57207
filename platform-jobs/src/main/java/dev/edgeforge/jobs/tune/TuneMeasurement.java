package dev.edgeforge.jobs.tune;

import dev.edgeforge.jobs.board.Board;
import dev.edgeforge.jobs.board.BoardCatalogue;
import java.util.Optional;

/**
 * What running one finalist's firmware in QEMU measured.
 *
 * @param candidateId         the candidate
 * @param verified            whether every window's output equalled the Java int8 reference interpreter's
 * @param windows             windows run
 * @param instructions        the largest instruction count of one inference (DSP block and network) over the windows
 * @param dspInstructions     the DSP block's part (largest over the windows; not always of the same window)
 * @param networkInstructions the network's part (largest over the windows)
 * @param latencyMs           {@code instructions} at the estimator's cycles per instruction for the target and its
 *                            clock
 * @param ramBytes            the RAM the image linked for the target reserves ({@code .data}, {@code .bss} with the
 *                            arena, and the stack reservation), as the estimate counts it (its runtime holds the
 *                            8 KiB stack)
 * @param peakRamBytes        the most RAM the run used: the target image's static RAM without the stack reservation
 *                            plus the stack high-water mark painted in the emulator
 * @param flashBytes          flash of the image linked for the target
 * @param arenaBytes          the activation arena the image holds
 * @param note                what was run where, in words
 */
public record TuneMeasurement(
        String candidateId,
        boolean verified,
        int windows,
        long instructions,
        long dspInstructions,
        long networkInstructions,
        double latencyMs,
        long ramBytes,
        long peakRamBytes,
        long flashBytes,
        long arenaBytes,
        String note) {

    /**
     * The emulated board a target's finalists run on: the target itself when QEMU emulates it, else an emulated board
     * with the same CPU core (its kernels compile to the same instructions; the image linked for the target gives
     * flash and static RAM). Empty when no emulated board has the target's core.
     */
    public static Optional<Board> emulatorFor(Board target, BoardCatalogue boards) {
        if (target.emulated()) {
            return Optional.of(target);
        }
        return boards.all().stream()
                .filter(Board::emulated)
                .filter(b -> b.core() == target.core())
                .findFirst();
    }
}
