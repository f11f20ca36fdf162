package com.arkloop.projects.domain.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.ProjectId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceRefTest {

    private static final OrgId ORG = new OrgId(UUID.fromString("11111111-1111-1111-1111-111111111111"));
    private static final UserId USER = new UserId(UUID.fromString("22222222-2222-2222-2222-222222222222"));
    private static final ProjectId PROJECT = new ProjectId(UUID.fromString("44444444-4444-4444-4444-444444444444"));

    @Test
    void derives_the_contracts_check_values() {
        assertEquals("pref_3045a41dbf7ca01a9a72827228072d39", ProfileRef.derive(ORG, USER).value());
        assertEquals("wsref_8398feadc3eb164d4079c8b41257dac1", WorkspaceRef.derive(ORG, USER, PROJECT).value());
    }

    @Test
    void gives_two_users_of_one_project_two_workspaces() {
        UserId other = new UserId(UUID.fromString("33333333-3333-3333-3333-333333333333"));
        assertNotEquals(WorkspaceRef.derive(ORG, USER, PROJECT), WorkspaceRef.derive(ORG, other, PROJECT));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "wsref_", "wsref_8398FEADC3EB164D4079C8B41257DAC1", "wsref_8398feadc3eb164d4079c8b41257dac",
            "wsref_../../../../etc/passwd", "wsref_8398feadc3eb164d4079c8b41257dac1/", "pref_3045a41dbf7ca01a9a72827228072d39"})
    void parses_nothing_but_a_well_formed_ref(String text) {
        assertEquals(Optional.empty(), WorkspaceRef.parse(text));
        if (text != null) {
            assertThrows(IllegalArgumentException.class, () -> new WorkspaceRef(text));
        }
    }

    @Test
    void creates_a_workspace_under_its_derived_ref_without_a_revision() {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        Workspace workspace = Workspace.create(ORG, USER, PROJECT, now);
        assertEquals(WorkspaceRef.derive(ORG, USER, PROJECT), workspace.ref());
        assertTrue(workspace.latestRevision().isEmpty());
        assertEquals(now, workspace.lastUsedAt());
    }

    @Test
    void refuses_a_workspace_whose_ref_is_not_derived_from_its_owner() {
        WorkspaceRef foreign = WorkspaceRef.derive(ORG, new UserId(UUID.randomUUID()), PROJECT);
        assertThrows(IllegalArgumentException.class,
                () -> new Workspace(foreign, ORG, USER, PROJECT, Optional.empty(), Instant.EPOCH));
    }
}
