/** What every command shares: the terminal, the configuration file, the connection it resolves. */
package dev.edgeforge.cli.session;
