/** Small helpers shared by platform-core's tests across feature packages. */
package dev.edgeforge.core.testing;
