/**
 * The verification benchmark: how long an image deployment's verification in QEMU takes, before (hex text lines, one
 * emulator, server features) and after (binary frames, one emulator per core, raw camera frames through the device's
 * own image block, a stratified sample first).
 */
package dev.edgeforge.bench.verify;
