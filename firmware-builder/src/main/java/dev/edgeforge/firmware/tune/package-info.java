/**
 * The {@code tune-measure} job (issue #13): the tuner's finalists built as firmware for the board and run in QEMU, so
 * the tune result carries measured instructions, RAM and flash in place of the estimator's.
 */
package dev.edgeforge.firmware.tune;
