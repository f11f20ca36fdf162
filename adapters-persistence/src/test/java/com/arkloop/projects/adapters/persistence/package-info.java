/**
 * Tests of the PostgreSQL adapters against a real PostgreSQL 17 (embedded, one server per test JVM,
 * a fresh database per test class), including the shared contract suites.
 */
package com.arkloop.projects.adapters.persistence;
