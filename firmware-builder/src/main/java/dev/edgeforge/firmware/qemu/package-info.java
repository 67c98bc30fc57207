/**
 * Running firmware in QEMU and talking to it: {@link dev.edgeforge.firmware.qemu.QemuRunner} starts
 * {@code qemu-system-arm -M netduinoplus2 -icount shift=0} boxed (no semihosting, {@code -no-reboot}, a seccomp
 * sandbox, prlimit's resource limits, an empty working directory and environment) with the first serial port on
 * stdin/stdout; a {@link dev.edgeforge.firmware.qemu.QemuSession} streams lines both ways under a time limit and
 * returns the exit status the firmware reports on its last line;
 * {@link dev.edgeforge.firmware.qemu.SerialProtocolClient} speaks the EdgeForge line protocol
 * ({@code src/main/c/boards/PROTOCOL.md}) over it.
 */
package dev.edgeforge.firmware.qemu;
