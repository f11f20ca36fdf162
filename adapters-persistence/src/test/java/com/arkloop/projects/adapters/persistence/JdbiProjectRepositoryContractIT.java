package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.contracts.ProjectRepositoryContract;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class JdbiProjectRepositoryContractIT extends ProjectRepositoryContract {

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
    protected ProjectRepository projects() {
        return database.projects();
    }

    @Override
    protected TeamRepository teams() {
        return database.teams();
    }
}
