package dev.edgeforge.infra.testing;

import javax.sql.DataSource;

/**
 * A database of the shared test PostgreSQL, for one test class.
 *
 * @param name       database name
 * @param jdbcUrl    e.g. {@code jdbc:postgresql://localhost:41234/t_jobqueueit_3}, for Spring's
 *                   {@code spring.datasource.url}
 * @param user       user name (no password: local connections are trusted)
 * @param dataSource an unpooled DataSource for it
 */
public record TestDatabase(String name, String jdbcUrl, String user, DataSource dataSource) {}
