package com.arkloop.projects.application.fakes;

import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Each workspace's history in a sorted map keyed by revision id, which is the listing order. */
public final class InMemoryRevisionLog implements RevisionLog {

    private final Map<WorkspaceRef, NavigableMap<Revision, RevisionSummary>> histories = new ConcurrentHashMap<>();

    @Override
    public void append(RevisionSummary revision) {
        NavigableMap<Revision, RevisionSummary> history =
                histories.computeIfAbsent(revision.workspace(), key -> new ConcurrentSkipListMap<>());
        if (history.putIfAbsent(revision.revision(), revision) != null) {
            throw new IllegalStateException("revision " + revision.revision() + " is already recorded");
        }
    }

    @Override
    public Optional<RevisionSummary> find(WorkspaceRef workspace, Revision revision) {
        return Optional.ofNullable(histories.getOrDefault(workspace, new ConcurrentSkipListMap<>()).get(revision));
    }

    @Override
    public List<RevisionSummary> listNewestFirst(WorkspaceRef workspace, Optional<Revision> after, int limit) {
        NavigableMap<Revision, RevisionSummary> newestFirst =
                histories.getOrDefault(workspace, new ConcurrentSkipListMap<>()).descendingMap();
        NavigableMap<Revision, RevisionSummary> page =
                after.map(position -> newestFirst.tailMap(position, false)).orElse(newestFirst);
        return page.values().stream().limit(limit).toList();
    }
}
