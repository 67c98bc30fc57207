/**
 * Benchmarks of the server that print figures and assert nothing; run through {@code ./edgeforge bench NAME}
 * ({@code bench/run}). Not part of the test suite.
 */
package dev.edgeforge.api.bench;
