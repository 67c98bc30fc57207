/** Signing in and out: the personal token kept in the configuration file. */
package dev.edgeforge.cli.account;
