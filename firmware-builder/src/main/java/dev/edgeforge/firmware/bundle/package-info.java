/**
 * Deployment bundles. {@link dev.edgeforge.firmware.bundle.DeploymentBuilder} turns a
 * {@link dev.edgeforge.firmware.bundle.BuildRequest} (model, optional impulse, labels, board, format, test windows)
 * into a ZIP — images (.elf, .bin, .hex) or sources, a {@link dev.edgeforge.jobs.deploy.MemoryReport} (flash and
 * RAM by section from arm-none-eabi-size and the map file, the arena next to its liveness lower bound), the board's
 * flashing instructions, the protocol document and {@code SHA256SUMS} — each build in its own directory under a
 * compiler time limit, identical inputs answered from a cache. Formats:
 * {@link dev.edgeforge.jobs.deploy.DeploymentFormat}.
 */
package dev.edgeforge.firmware.bundle;
