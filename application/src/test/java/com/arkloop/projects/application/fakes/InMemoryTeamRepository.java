package com.arkloop.projects.application.fakes;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.team.Team;
import com.arkloop.projects.domain.team.TeamId;
import com.arkloop.projects.domain.team.TeamMember;
import com.arkloop.projects.domain.team.TeamRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

public final class InMemoryTeamRepository implements TeamRepository {

    private final Map<TeamId, Team> teams = new ConcurrentHashMap<>();
    private final Map<TeamId, Map<UserId, TeamMember>> members = new ConcurrentHashMap<>();

    @Override
    public void insert(Team team) {
        if (teams.putIfAbsent(team.id(), team) != null) {
            throw new IllegalStateException("duplicate team id " + team.id());
        }
        members.put(team.id(), new LinkedHashMap<>());
    }

    @Override
    public Optional<Team> find(OrgId orgId, TeamId id) {
        return Optional.ofNullable(teams.get(id)).filter(team -> team.orgId().equals(orgId));
    }

    @Override
    public List<Team> list(OrgId orgId) {
        return teams.values().stream()
                .filter(team -> team.orgId().equals(orgId))
                .sorted(Comparator.comparing(Team::createdAt).thenComparing(team -> team.id().toString()))
                .toList();
    }

    @Override
    public void delete(Team team) {
        teams.remove(team.id());
        members.remove(team.id());
    }

    @Override
    public synchronized void addMember(TeamId teamId, UserId userId, Instant addedAt) {
        members.get(teamId).putIfAbsent(userId, new TeamMember(userId, addedAt));
    }

    @Override
    public synchronized void removeMember(TeamId teamId, UserId userId) {
        members.getOrDefault(teamId, new LinkedHashMap<>()).remove(userId);
    }

    @Override
    public synchronized List<TeamMember> members(TeamId teamId) {
        return members.getOrDefault(teamId, Map.of()).values().stream()
                .sorted(Comparator.comparing(TeamMember::addedAt).thenComparing(member -> member.userId().toString()))
                .toList();
    }

    @Override
    public synchronized Set<TeamId> teamsOf(OrgId orgId, UserId userId) {
        return members.entrySet().stream()
                .filter(entry -> entry.getValue().containsKey(userId))
                .map(Map.Entry::getKey)
                .filter(teamId -> find(orgId, teamId).isPresent())
                .collect(Collectors.toUnmodifiableSet());
    }
}
