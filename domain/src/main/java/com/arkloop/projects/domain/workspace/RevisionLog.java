package com.arkloop.projects.domain.workspace;

import java.util.List;
import java.util.Optional;

/**
 * The history of each workspace: one row per published revision. A revision is recorded in the same
 * transaction that moves the workspace's pointer to it ({@link WorkspaceRepository#advanceRevision}),
 * so the history holds exactly the revisions readers could ever have seen, and no revision whose
 * compare-and-set lost.
 *
 * <p>Revision ids are ULIDs and each revision's id sorts after its predecessor's, so newest first is
 * descending id order (byte order of the text: a SQL adapter must compare with {@code COLLATE "C"}).
 */
public interface RevisionLog {

    /** Records a revision that has just been published; each revision is recorded once. */
    void append(RevisionSummary revision);

    /** The recorded revision; empty when the workspace never published it. */
    Optional<RevisionSummary> find(WorkspaceRef workspace, Revision revision);

    /**
     * Up to {@code limit} revisions of the workspace, newest first, starting after {@code after}
     * (exclusive) when given: the page that follows the one ending with {@code after}.
     */
    List<RevisionSummary> listNewestFirst(WorkspaceRef workspace, Optional<Revision> after, int limit);
}
