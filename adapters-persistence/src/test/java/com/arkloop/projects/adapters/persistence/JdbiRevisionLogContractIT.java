package com.arkloop.projects.adapters.persistence;

import com.arkloop.projects.application.contracts.RevisionLogContract;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class JdbiRevisionLogContractIT extends RevisionLogContract {

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
    protected RevisionLog revisions() {
        return database.revisions();
    }

    @Override
    protected WorkspaceRepository workspaces() {
        return database.workspaces();
    }

    @Override
    protected ProjectRepository projects() {
        return database.projects();
    }
}
