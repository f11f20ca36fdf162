package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.contracts.TeamRepositoryContract;
import com.arkloop.projects.domain.team.TeamRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class JdbiTeamRepositoryContractIT extends TeamRepositoryContract {

    private static PostgresDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = TestDatabases.openFresh();
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        TestDatabases.emptyTables(database);
    }

    @Override
    protected TeamRepository teams() {
        return database.teams();
    }
}
