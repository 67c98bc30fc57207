/** The command line for scripts ({@code ./edgeforge cli}): picocli commands over the REST API only. */
package dev.edgeforge.cli;
