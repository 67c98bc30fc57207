/** The {@code tune} command: search DSP settings and networks under a board's budget, and apply a candidate. */
package dev.edgeforge.cli.tune;
