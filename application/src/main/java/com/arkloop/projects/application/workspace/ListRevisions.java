package com.arkloop.projects.application.workspace;

import com.arkloop.projects.application.Transactions;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Permission;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.ProjectId;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListRevisions {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final VisibleProjects visibleProjects;
    private final WorkspaceRepository workspaces;
    private final RevisionLog revisions;
    private final Transactions transactions;
    private final Clock clock;

    public ListRevisions(VisibleProjects visibleProjects, WorkspaceRepository workspaces, RevisionLog revisions,
                         Transactions transactions, Clock clock) {
        this.visibleProjects = visibleProjects;
        this.workspaces = workspaces;
        this.revisions = revisions;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A page of the published revisions of the caller's default workspace of the project (created on
     * first access), newest first, {@code limit} (1–1000) at a time.
     *
     * <p>Checks, in this order: the permissions {@code data.projects.read} and {@code data.runs.read}
     * ({@code auth.forbidden}), that the caller sees the project ({@code projects.not_found}), then
     * {@code limit} and {@code cursor} ({@code validation.error}).
     */
    public RevisionPage list(Actor actor, ProjectId projectId, Optional<String> cursor, int limit) {
        actor.require(Permission.PROJECTS_READ, Permission.RUNS_READ);
        Objects.requireNonNull(cursor, "cursor");
        return transactions.inTransaction(() -> {
            Project project = visibleProjects.require(actor, projectId);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw DomainException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
            }
            Optional<Revision> after = cursor.map(ListRevisions::decodeCursor);
            Workspace workspace = DefaultWorkspaces.of(workspaces, actor, project, clock);
            // One more than asked tells whether another page exists without a count query.
            List<RevisionSummary> found = revisions.listNewestFirst(workspace.ref(), after, limit + 1);
            if (found.size() <= limit) {
                return new RevisionPage(workspace.ref(), found, Optional.empty());
            }
            List<RevisionSummary> page = found.subList(0, limit);
            return new RevisionPage(workspace.ref(), page, Optional.of(encodeCursor(page.getLast().revision())));
        });
    }

    private static String encodeCursor(Revision last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.value().getBytes(StandardCharsets.US_ASCII));
    }

    private static Revision decodeCursor(String token) {
        Optional<Revision> revision;
        try {
            revision = token.length() > 64 ? Optional.empty()
                    : Revision.parse(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException notBase64) {
            revision = Optional.empty();
        }
        return revision.orElseThrow(() -> DomainException.invalidParameter("cursor", "is not a valid cursor"));
    }
}
