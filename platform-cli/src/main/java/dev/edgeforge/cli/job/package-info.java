/** Following, reading and cancelling jobs. */
package dev.edgeforge.cli.job;
