package com.arkloop.projects.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page of a workspace's history is a backward scan of the primary key from the page's position:
 * no sort, however long the history. Checked on many analysed rows: on empty tables the planner's
 * choices say nothing.
 */
class RevisionLogQueryPlanIT {

    private static final String WORKSPACE = "wsref_" + "0".repeat(31) + "7";
    private static final String POSITION = "01HRZ8W0Q1" + "0".repeat(13) + "100";

    @RegisterExtension
    static final FreshDatabase postgres = FreshDatabase.sharedByAllTests();

    @BeforeAll
    static void openLongHistories() {
        postgres.database().jdbi().useHandle(handle -> {
            // 1,000 workspaces with 50 revisions each, and one with 2,000.
            handle.execute("""
                    INSERT INTO projects (id, org_id, owner_user_id, name, visibility, created_at, updated_at)
                    SELECT gen_random_uuid(), '11111111-1111-1111-1111-111111111111', gen_random_uuid(),
                           'Project ' || i, 'shared', now(), now()
                      FROM generate_series(1, 1000) i""");
            handle.execute("""
                    INSERT INTO workspaces (ref, org_id, owner_user_id, project_id, created_at, last_used_at)
                    SELECT 'wsref_' || md5(id::text), org_id, gen_random_uuid(), id, now(), now() FROM projects""");
            handle.createUpdate("""
                            INSERT INTO workspaces (ref, org_id, owner_user_id, project_id, created_at, last_used_at)
                            SELECT :ref, org_id, gen_random_uuid(), id, now(), now() FROM projects LIMIT 1""")
                    .bind("ref", WORKSPACE).execute();
            handle.createUpdate("""
                            INSERT INTO workspace_revisions (workspace_ref, revision, created_at, file_count, byte_count)
                            SELECT w.ref, '01HRZ8W0Q1' || lpad(r::text, 16, '0'), now(), r, r * 100
                              FROM workspaces w,
                                   generate_series(1, CASE WHEN w.ref = :ref THEN 2000 ELSE 50 END) r""")
                    .bind("ref", WORKSPACE).execute();
            handle.execute("ANALYZE workspaces");
            handle.execute("ANALYZE workspace_revisions");
        });
    }

    @ParameterizedTest(name = "after a position: {0}")
    @ValueSource(booleans = {false, true})
    void lists_a_history_newest_first_by_a_backward_scan_of_the_primary_key(boolean afterPosition) {
        String plan = plan(JdbiRevisionLog.listNewestFirstSql(afterPosition), afterPosition);

        assertFalse(plan.contains("Seq Scan"), plan);
        assertFalse(plan.contains("Sort"), "the index already gives the order\n" + plan);
        assertTrue(plan.contains("Index Scan Backward using workspace_revisions_pkey"), plan);
    }

    @Test
    void finds_a_revision_by_the_primary_key() {
        String plan = plan("SELECT * FROM workspace_revisions WHERE workspace_ref = :workspaceRef AND revision = :after"
                + " LIMIT :limit", true);

        assertTrue(plan.contains("workspace_revisions_pkey"), plan);
    }

    /** So the index is in byte order even on a database whose default collation is a language's. */
    @Test
    void keeps_revision_ids_in_byte_order_whatever_the_database_collation() {
        String collation = postgres.database().jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT collation_name FROM information_schema.columns
                         WHERE table_name = 'workspace_revisions' AND column_name = 'revision'""")
                .mapTo(String.class)
                .one());

        assertEquals("C", collation);
    }

    private static String plan(String sql, boolean bindPosition) {
        List<String> lines = postgres.database().jdbi().withHandle(handle -> {
            Query query = handle.createQuery("EXPLAIN " + sql)
                    .bind("workspaceRef", WORKSPACE)
                    .bind("limit", 51);
            if (bindPosition) {
                query.bind("after", POSITION);
            }
            return query.mapTo(String.class).list();
        });
        return String.join("\n", lines);
    }
}
