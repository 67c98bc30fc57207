/**
 * The firmware benchmark: the MLPerf Tiny int8 models built as firmware deployments and run in QEMU against their
 * golden outputs, with instructions per inference, arena, flash, RAM and build times beside TFLite Micro's.
 */
package dev.edgeforge.bench.firmware;
