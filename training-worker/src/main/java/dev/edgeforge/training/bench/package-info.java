/**
 * The training benchmark ({@link dev.edgeforge.training.bench.TrainingBenchmark}): seconds per epoch for the
 * reference dataset (10,000 windows of synthetic 3-axis accelerometer gestures, spectral features, dense 20-10
 * network) and the share of that time spent outside DJL's compute. A command-line tool, not a test.
 */
package dev.edgeforge.training.bench;
