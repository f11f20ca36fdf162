package com.arkloop.projects.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workspace and session lookups read an index, never a table scan. Checked on many analysed rows,
 * most sessions closed, as they will be after a while: on empty tables the planner's choices say nothing.
 */
class WorkspaceQueryPlanIT {

    private static final String WORKSPACE = "wsref_" + "0".repeat(31) + "7";

    @RegisterExtension
    static final FreshDatabase postgres = FreshDatabase.sharedByAllTests();

    @BeforeAll
    static void openBusyDatabase() {
        postgres.database().jdbi().useHandle(handle -> {
            // 2,000 projects of one org, five users' workspaces in each.
            handle.execute("""
                    INSERT INTO projects (id, org_id, owner_user_id, name, visibility, created_at, updated_at)
                    SELECT gen_random_uuid(), '11111111-1111-1111-1111-111111111111', gen_random_uuid(),
                           'Project ' || i, 'shared', now(), now()
                      FROM generate_series(1, 2000) i""");
            handle.execute("""
                    INSERT INTO workspaces (ref, org_id, owner_user_id, project_id, created_at, last_used_at)
                    SELECT 'wsref_' || left(md5(p.id::text || u), 32), p.org_id, gen_random_uuid(), p.id, now(), now()
                      FROM projects p, generate_series(1, 5) u""");
            handle.createUpdate("""
                            INSERT INTO workspaces (ref, org_id, owner_user_id, project_id, created_at, last_used_at)
                            SELECT :ref, org_id, gen_random_uuid(), id, now(), now() FROM projects LIMIT 1""")
                    .bind("ref", WORKSPACE).execute();
            // 20 sessions per workspace, all but one closed.
            handle.execute("""
                    INSERT INTO workspace_sessions (session_ref, workspace_ref, session_type, state, created_at,
                                                    last_used_at)
                    SELECT 'shref_' || md5(w.ref || s), w.ref, 'shell', CASE WHEN s = 1 THEN 'ready' ELSE 'closed' END,
                           now() - s * interval '1 minute', now() - s * interval '1 minute'
                      FROM workspaces w, generate_series(1, 20) s""");
            handle.execute("ANALYZE projects");
            handle.execute("ANALYZE workspaces");
            handle.execute("ANALYZE workspace_sessions");
        });
    }

    @Test
    void lists_live_sessions_from_the_partial_index_in_its_order() {
        String plan = plan(JdbiSessionRepository.listLiveSql().replace(":workspaceRef", "'" + WORKSPACE + "'"));

        assertFalse(plan.contains("Seq Scan"), plan);
        assertFalse(plan.contains("Sort"), "the index already gives the order\n" + plan);
        assertTrue(plan.contains("workspace_sessions_live_idx"), plan);
    }

    @Test
    void finds_a_session_by_its_primary_key() {
        String plan = plan("SELECT * FROM workspace_sessions WHERE session_ref = 'shref_" + "0".repeat(32)
                + "' AND workspace_ref = '" + WORKSPACE + "'");

        assertTrue(plan.contains("workspace_sessions_pkey"), plan);
    }

    @Test
    void moves_the_revision_pointer_through_the_primary_key() {
        String plan = plan("UPDATE workspaces SET latest_revision = '01HZZZZZZZZZZZZZZZZZZZZZZZ', last_used_at = now()"
                + " WHERE ref = '" + WORKSPACE + "' AND latest_revision IS NOT DISTINCT FROM NULL");

        assertTrue(plan.contains("workspaces_pkey"), plan);
    }

    private static String plan(String sql) {
        List<String> lines = postgres.database().jdbi().withHandle(handle -> handle.createQuery("EXPLAIN " + sql)
                .mapTo(String.class)
                .list());
        return String.join("\n", lines);
    }
}
