/**
 * The PostgreSQL adapters of the repository ports and of {@code Transactions}: JDBI over a HikariCP
 * pool, schema managed by Flyway. {@link com.arkloop.projects.adapters.persistence.PostgresDatabase}
 * builds them all from a JDBC URL.
 */
package com.arkloop.projects.adapters.persistence;
