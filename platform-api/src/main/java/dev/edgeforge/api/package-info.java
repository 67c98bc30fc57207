/**
 * The all-in-one EdgeForge server. Features live in sub-packages: {@code account}, {@code project},
 * {@code security}, {@code problem} (errors), {@code web} (the UI shell), {@code db} (embedded PostgreSQL).
 */
package dev.edgeforge.api;
