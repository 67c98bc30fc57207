/** Building a deployment and downloading its bundle. */
package dev.edgeforge.cli.deploy;
