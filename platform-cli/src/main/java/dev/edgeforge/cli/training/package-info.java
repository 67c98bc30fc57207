/** Feature generation, training and testing jobs. */
package dev.edgeforge.cli.training;
