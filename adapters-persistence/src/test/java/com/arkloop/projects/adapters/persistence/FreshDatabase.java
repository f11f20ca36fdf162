package com.arkloop.projects.adapters.persistence;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own migrated database on the shared server ({@link TestDatabases#openFresh()}), opened
 * before the class's {@code @BeforeAll} methods and closed after its {@code @AfterAll} methods. Register
 * it in a static {@code @RegisterExtension} field.
 */
final class FreshDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final boolean emptiedBeforeEach;
    private PostgresDatabase database;

    private FreshDatabase(boolean emptiedBeforeEach) {
        this.emptiedBeforeEach = emptiedBeforeEach;
    }

    /** Every table emptied before each test, as the contract suites expect. */
    static FreshDatabase emptiedBeforeEachTest() {
        return new FreshDatabase(true);
    }

    /** What one test writes stays for the next: for a class that seeds its data once. */
    static FreshDatabase sharedByAllTests() {
        return new FreshDatabase(false);
    }

    PostgresDatabase database() {
        return database;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabases.openFresh();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emptiedBeforeEach) {
            TestDatabases.emptyTables(database);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }
}
