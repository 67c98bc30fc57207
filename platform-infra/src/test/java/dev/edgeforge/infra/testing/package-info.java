/**
 * Test support shared by every module's integration tests, shipped in platform-infra's test-jar.
 *
 * <p>Why a test-jar and not main code: it needs JUnit (the extension) and Flyway, which production code of
 * platform-infra does not. To use it from another module:
 * <pre>{@code
 * <dependency>
 *   <groupId>dev.edgeforge</groupId>
 *   <artifactId>platform-infra</artifactId>
 *   <version>${project.version}</version>
 *   <type>test-jar</type>
 *   <scope>test</scope>
 * </dependency>
 * <!-- test-scoped dependencies are not transitive: declare these too -->
 * <dependency><groupId>org.flywaydb</groupId><artifactId>flyway-database-postgresql</artifactId>
 *   <scope>test</scope></dependency>
 * <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>
 *   <scope>test</scope></dependency>
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.edgeforge.infra.testing.SharedPostgres}: one embedded PostgreSQL per test JVM; a fresh
 *       database per call, copied from a template migrated by Flyway from {@code db/migrations}
 *       ({@link dev.edgeforge.infra.testing.MigrationsDirectory} walks up from the working directory).</li>
 *   <li>{@link dev.edgeforge.infra.testing.FreshDatabaseExtension}: the same as a JUnit extension, one database
 *       per test class, injected as {@link dev.edgeforge.infra.testing.TestDatabase} or
 *       {@link javax.sql.DataSource}.</li>
 *   <li>{@link dev.edgeforge.infra.testing.MutableClock}: a clock tests move by hand.</li>
 *   <li>{@link dev.edgeforge.infra.testing.RecordingJobContext}: a job context without a queue for job handler
 *       tests, recording log, progress and result, cancelled on request.</li>
 * </ul>
 */
package dev.edgeforge.infra.testing;
