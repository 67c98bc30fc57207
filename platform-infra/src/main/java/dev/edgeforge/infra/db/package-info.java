/**
 * PostgreSQL for the platform's embedded default and for the integration tests.
 *
 * <p>{@link dev.edgeforge.infra.db.EmbeddedDatabase} runs a real PostgreSQL 17 (zonky binaries) on a kept data
 * directory ({@code ./data/postgres}) or a temporary one. Invariants: one server per data directory at a time
 * (a second start fails with the PID of the first); a server orphaned by a killed JVM is stopped before a new one
 * starts on its directory; kept data runs with fsync on; the server listens on loopback only, and a kept data
 * directory demands its superuser password (kept owner-only in {@code <dir>.password}) of every connection.
 *
 * <p>Tests of every module reuse the test-jar of platform-infra: {@code dev.edgeforge.infra.testing}
 * (one embedded server per JVM, a fresh database per test class, migrated by Flyway from {@code db/migrations}).
 */
package dev.edgeforge.infra.db;
