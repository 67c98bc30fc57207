/** Projects and their API keys. */
package dev.edgeforge.cli.project;
