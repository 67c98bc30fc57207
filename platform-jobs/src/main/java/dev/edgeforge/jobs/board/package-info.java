/**
 * The boards EdgeForge builds firmware for: {@link dev.edgeforge.jobs.board.BoardCatalogue} lists each
 * {@link dev.edgeforge.jobs.board.Board} (MCU, core, memory map, clock, compiler flags, flashing tools, whether
 * QEMU emulates it), mirroring the C support code under {@code src/main/c/boards/<id>/}. It backs
 * {@code GET /api/v1/targets}.
 *
 * <p>How to add a board: see {@code src/main/c/boards/README.md}; the catalogue entry's id must equal the folder
 * name, which {@code BoardCatalogueTest} checks.
 */
package dev.edgeforge.jobs.board;
