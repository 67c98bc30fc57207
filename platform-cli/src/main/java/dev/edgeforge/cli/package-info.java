/** The command line for scripts ({@code ./edgeforge cli}): picocli commands over the REST API, nothing of the server. */
package dev.edgeforge.cli;
