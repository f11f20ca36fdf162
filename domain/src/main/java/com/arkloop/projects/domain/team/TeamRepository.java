package com.arkloop.projects.domain.team;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stores teams and their members. */
public interface TeamRepository {

    void insert(Team team);

    Optional<Team> find(OrgId orgId, TeamId id);

    /** The org's teams, oldest first. */
    List<Team> list(OrgId orgId);

    /** Deletes the team and its memberships. */
    void delete(Team team);

    /** Adds the user to the team; adding a member again changes nothing. */
    void addMember(TeamId teamId, UserId userId, Instant addedAt);

    /** Removes the user from the team; removing a non-member changes nothing. */
    void removeMember(TeamId teamId, UserId userId);

    /** The team's members, in the order they were added. */
    List<TeamMember> members(TeamId teamId);

    /** The teams of the org the user is a member of. */
    Set<TeamId> teamsOf(OrgId orgId, UserId userId);
}
