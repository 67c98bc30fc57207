package dev.edgeforge.firmware.toolchain;

import dev.edgeforge.jobs.board.Board;
import java.nio.file.Path;

/**
 * A linked firmware image and what the memory report needs.
 *
 * @param board the target
 * @param elf the executable with symbols (what QEMU and debuggers load)
 * @param bin raw binary from the first flash address
 * @param hex Intel HEX with load addresses
 * @param mapFile the GNU ld map
 * @param size arm-none-eabi-size totals
 * @param linkerMap the parsed map: flash and RAM by section and by object file
 * @param compilerOutput warnings printed while building (empty when clean)
 */
public record FirmwareImage(
        Board board,
        Path elf,
        Path bin,
        Path hex,
        Path mapFile,
        SizeReport size,
        LinkerMap linkerMap,
        String compilerOutput) {}
