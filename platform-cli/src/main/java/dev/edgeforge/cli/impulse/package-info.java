/** Reading and saving the impulse document. */
package dev.edgeforge.cli.impulse;
