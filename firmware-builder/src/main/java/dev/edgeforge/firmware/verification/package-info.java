/**
 * On-device truth: {@link dev.edgeforge.firmware.verification.QemuVerifier} runs a firmware image for the emulated
 * board ({@code netduinoplus2-qemu}) in QEMU, streams every test window over the serial line protocol and compares
 * each output with the Java int8 reference interpreter's bit for bit, giving a
 * {@link dev.edgeforge.firmware.verification.VerificationReport} (verified or not, the first mismatches, the
 * instructions per inference the firmware measured, device accuracy beside the server's).
 */
package dev.edgeforge.firmware.verification;
