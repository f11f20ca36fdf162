package com.arkloop.projects.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The listing is served by the partial indexes, never by a scan of the org. Checked on a large,
 * analysed org: on empty tables the planner's choices say nothing.
 */
class ListingQueryPlanIT {

    private static final UUID ORG = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();

    @RegisterExtension
    static final FreshDatabase postgres = FreshDatabase.sharedByAllTests();

    @BeforeAll
    static void openLargeOrg() {
        postgres.database().jdbi().useHandle(handle -> {
            handle.createUpdate("""
                            INSERT INTO teams (id, org_id, name, created_at)
                            SELECT gen_random_uuid(), :org, 'Team ' || i, now() FROM generate_series(1, 50) i""")
                    .bind("org", ORG).execute();
            // 200 members per team; the user is in two of the teams.
            handle.createUpdate("""
                            INSERT INTO team_members (team_id, user_id, added_at)
                            SELECT id, gen_random_uuid(), now() FROM teams, generate_series(1, 200)""").execute();
            handle.createUpdate("""
                            INSERT INTO team_members (team_id, user_id, added_at)
                            SELECT id, :user, now() FROM teams ORDER BY id LIMIT 2""")
                    .bind("user", USER).execute();
            // 20,000 projects: a third shared, every fifth of those with one of the 50 teams.
            handle.createUpdate("""
                            INSERT INTO projects (id, org_id, team_id, owner_user_id, name, visibility, created_at,
                                                  updated_at, deleted_at)
                            SELECT gen_random_uuid(), :org,
                                   CASE WHEN i % 15 = 0 THEN (ARRAY(SELECT id FROM teams))[1 + i % 50] END,
                                   CASE WHEN i % 1000 = 0 THEN :user ELSE gen_random_uuid() END,
                                   'Project ' || i,
                                   CASE WHEN i % 3 = 0 THEN 'shared' ELSE 'private' END,
                                   now() - i * interval '1 minute', now(),
                                   CASE WHEN i % 17 = 0 THEN now() END
                              FROM generate_series(1, 20000) i""")
                    .bind("org", ORG).bind("user", USER).execute();
            handle.execute("ANALYZE teams");
            handle.execute("ANALYZE team_members");
            handle.execute("ANALYZE projects");
        });
    }

    @ParameterizedTest(name = "after a cursor: {0}")
    @ValueSource(booleans = {false, true})
    void serves_a_member_listing_from_the_three_branch_indexes(boolean afterCursor) {
        String plan = plan(JdbiProjectRepository.listVisibleSql(false, afterCursor));

        assertFalse(plan.contains("Seq Scan on projects"), plan);
        for (String index : List.of("projects_org_owner_live_idx", "projects_org_shared_live_idx",
                "projects_team_shared_live_idx", "team_members_user_idx")) {
            assertTrue(plan.contains(index), index + " unused in\n" + plan);
        }
    }

    @ParameterizedTest(name = "after a cursor: {0}")
    @ValueSource(booleans = {false, true})
    void serves_an_admin_listing_from_the_org_index(boolean afterCursor) {
        String plan = plan(JdbiProjectRepository.listVisibleSql(true, afterCursor));

        assertFalse(plan.contains("Seq Scan on projects"), plan);
        assertTrue(plan.contains("projects_org_live_idx"), plan);
    }

    private static String plan(String sql) {
        List<String> lines = postgres.database().jdbi().withHandle(handle -> handle.createQuery("EXPLAIN " + sql)
                .bind("orgId", ORG)
                .bind("userId", USER)
                .bind("limit", 101)
                .bind("afterCreatedAt", OffsetDateTime.now(ZoneOffset.UTC).minusDays(3))
                .bind("afterId", UUID.randomUUID())
                .mapTo(String.class)
                .list());
        return String.join("\n", lines);
    }
}
