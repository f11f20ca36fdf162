package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.DirectoryIndex;
import com.arkloop.projects.domain.workspace.DirectoryPage;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListWorkspaceFiles {

    public static final int DEFAULT_LIMIT = DirectoryIndex.DEFAULT_LIMIT;
    public static final int MAX_LIMIT = DirectoryIndex.MAX_LIMIT;

    private static final DirectoryIndex EMPTY = DirectoryIndex.of(Manifest.EMPTY);

    private final VisibleProjects visibleProjects;
    private final WorkspaceRepository workspaces;
    private final DirectoryIndexCache indexes;
    private final Transactions transactions;
    private final Clock clock;
    private final ReadableRevisions readable;

    /** Lists the latest revision only: {@code ?revision=} finds no other without a history. */
    public ListWorkspaceFiles(VisibleProjects visibleProjects, WorkspaceRepository workspaces,
                              DirectoryIndexCache indexes, Transactions transactions, Clock clock) {
        this(visibleProjects, workspaces, Optional.empty(), indexes, transactions, clock);
    }

    /** Lists any revision the workspace published, as recorded in its history. */
    public ListWorkspaceFiles(VisibleProjects visibleProjects, WorkspaceRepository workspaces, RevisionLog revisions,
                              DirectoryIndexCache indexes, Transactions transactions, Clock clock) {
        this(visibleProjects, workspaces, Optional.of(revisions), indexes, transactions, clock);
    }

    private ListWorkspaceFiles(VisibleProjects visibleProjects, WorkspaceRepository workspaces,
                               Optional<RevisionLog> revisions, DirectoryIndexCache indexes, Transactions transactions,
                               Clock clock) {
        this.visibleProjects = visibleProjects;
        this.workspaces = workspaces;
        this.indexes = indexes;
        this.transactions = transactions;
        this.clock = clock;
        this.readable = new ReadableRevisions(revisions);
    }

    private record Target(Workspace workspace, Optional<Revision> revision, WorkspacePath path, DirectoryPage emptyPage) {
    }

    /**
     * A page of the directory at the path the client sent, in the caller's default workspace of the
     * project (created on first access), as of its latest revision.
     *
     * <p>Checks, in this order: the permissions ({@code auth.forbidden}), that the caller sees the
     * project ({@code projects.not_found}), the path ({@code workspace_files.invalid_path}), then
     * {@code limit} (1–10000) and {@code cursor} ({@code validation.error}); only then is storage read.
     * A path that is missing or not a directory, a workspace without a revision, and a revision whose
     * manifest object is missing all list as empty; the last two still report the revision pointer
     * (empty before the first revision), so a client can tell a lost manifest from a new workspace.
     *
     * @param rawPathValues every raw (still percent-encoded) value of the {@code path} query parameter,
     *                      as sent: none lists the root, more than one is an invalid path
     * @throws com.arkloop.projects.domain.DomainException {@code service.unavailable} when storage fails
     */
    public WorkspaceListing list(Actor actor, ProjectId projectId, List<String> rawPathValues, Optional<String> cursor,
                                 int limit) {
        return list(actor, projectId, rawPathValues, cursor, limit, Optional.empty());
    }

    /**
     * {@link #list(Actor, ProjectId, List, Optional, int)} of the revision asked for ({@code ?revision=}),
     * or of the latest when empty. After the checks above, a revision the workspace never published
     * (or text that is no revision id) is {@code workspaces.revision_not_found}.
     */
    public WorkspaceListing list(Actor actor, ProjectId projectId, List<String> rawPathValues, Optional<String> cursor,
                                 int limit, Optional<String> revision) {
        Objects.requireNonNull(revision, "revision");
        actor.require(Permission.PROJECTS_READ, Permission.RUNS_READ);
        Objects.requireNonNull(rawPathValues, "rawPathValues");
        Objects.requireNonNull(cursor, "cursor");
        Target target = transactions.inTransaction(() -> {
            Project project = visibleProjects.require(actor, projectId);
            WorkspacePath path = WorkspacePath.directoryFromQueryValues(rawPathValues);
            // Listing an empty index checks limit and cursor without touching storage; it is also
            // the answer whenever there is nothing to read.
            DirectoryPage emptyPage = EMPTY.list(path, cursor, limit);
            Workspace workspace = DefaultWorkspaces.of(workspaces, actor, project, clock);
            return new Target(workspace, readable.select(workspace, revision), path, emptyPage);
        });
        Workspace workspace = target.workspace();
        DirectoryPage page = target.revision()
                .flatMap(read -> indexes.indexOf(workspace.ref(), read))
                .map(index -> index.list(target.path(), cursor, limit))
                .orElse(target.emptyPage());
        return new WorkspaceListing(workspace.ref(), target.path(), target.revision(), page.items(),
                page.nextCursor());
    }
}
