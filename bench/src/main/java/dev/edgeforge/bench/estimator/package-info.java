/** {@code ./edgeforge bench estimator}: the deployment estimator's network instructions against QEMU's counts. */
package dev.edgeforge.bench.estimator;
