/**
 * The all-in-one application: the server (platform-api) with the training worker and the firmware builder in the
 * same JVM, what {@code ./edgeforge run} starts. The module holds only the wiring
 * ({@link dev.edgeforge.app.InProcessWorkersAutoConfiguration}); its jar's main class is the server's
 * {@code dev.edgeforge.api.EdgeForgeApplication}, so the one-command default and the distributed server run the same
 * code and differ only in which handlers are on the classpath.
 */
package dev.edgeforge.app;
