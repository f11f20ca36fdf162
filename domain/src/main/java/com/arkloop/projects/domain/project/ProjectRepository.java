package com.arkloop.projects.domain.project;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.team.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores projects. Implementations must agree with {@link Project#isVisibleTo} on what a caller sees. */
public interface ProjectRepository {

    void insert(Project project);

    /** Replaces the stored state of an existing project (including its deletion). */
    void update(Project project);

    /** The project of that org with that id, unless it is deleted. */
    Optional<Project> find(OrgId orgId, ProjectId id);

    /**
     * Up to {@code limit} projects visible to the actor, not deleted, oldest first (creation time, then
     * id), starting after {@code after} when present.
     */
    List<Project> listVisible(Actor actor, Optional<ProjectCursor> after, int limit);

    /** Takes the team off every project of the org that names it (the team is being deleted). */
    void detachTeam(OrgId orgId, TeamId teamId, Instant now);
}
