/** Test fixtures shared by the integration tests of the all-in-one assembly. */
package dev.edgeforge.app.testing;
