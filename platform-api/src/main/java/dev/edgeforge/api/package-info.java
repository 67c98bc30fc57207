/**
 * The EdgeForge server (run alone, or with the workers in-process by platform-app). Package by feature: the
 * platform's {@code account}, {@code project}, {@code security}, {@code problem} (errors as problem details),
 * {@code web} (the UI shell), {@code db} (embedded PostgreSQL) and {@code storage} (the object store bean); the data
 * path's {@code sample}, {@code impulse}, {@code feature}, {@code model}, {@code compression} and {@code deploy};
 * and {@code job}, the queue as the API shows it and the events that tell the features how their jobs went. Features
 * reach each other's data only through ports (see docs/DESIGN.md, "Ports between features").
 */
package dev.edgeforge.api;
