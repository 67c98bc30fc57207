/**
 * Database wiring of the all-in-one server: the embedded PostgreSQL used when no external database is
 * configured. Schema migrations live in {@code db/migrations} at the repository root (Flyway).
 */
package dev.edgeforge.api.db;
