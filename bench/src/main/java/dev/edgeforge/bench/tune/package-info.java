/** The tuner benchmark: a timed search on the real datasets against the platform's defaults (issue #13). */
package dev.edgeforge.bench.tune;
