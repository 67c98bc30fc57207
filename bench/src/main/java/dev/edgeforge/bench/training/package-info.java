/**
 * The training benchmark: seconds per epoch on 10,000 windows of synthetic gestures with the spectral-analysis
 * features users train on, and the share of that time spent outside DJL's compute.
 */
package dev.edgeforge.bench.training;
