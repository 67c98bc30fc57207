/**
 * EdgeForge's benchmarks: command-line programs that print figures and assert nothing, kept out of the production
 * modules and run by {@code ./edgeforge bench NAME} ({@code bench/run}).
 */
package dev.edgeforge.bench;
