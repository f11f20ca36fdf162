package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.DomainException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Stores what a workspace's revisions are made of: content-addressed blobs and one manifest per
 * revision, both immutable once written. A write is published atomically and durably or not at all,
 * so a reader never sees part of an object.
 *
 * <p>Failures are part of the contract: a missing object is an empty result; storage that cannot be
 * reached or fails is {@link #unavailable} ({@code service.unavailable}); nothing else escapes.
 */
public interface BlobStore {

    /**
     * Streams {@code content} (not closed here) into the workspace's blobs and publishes it under its
     * SHA-256, unless it breaks the expectation, in which case nothing is published: more bytes than
     * allowed is {@code request.too_large}, a different digest or size is {@code validation.error}.
     * Storing a blob that is already there is harmless, and counts as writing it: its
     * {@link ListedBlob#storedAt() storedAt} moves to now, which keeps a blob a publish is about to
     * name safe from garbage collection. A failure reading {@code content} itself
     * surfaces as an {@link java.io.UncheckedIOException}, since the store is not at fault.
     */
    StoredBlob putBlob(WorkspaceRef workspace, InputStream content, BlobExpectation expectation);

    /**
     * The blob's bytes, all of them or the range (cut short at the end of the blob), to be streamed and
     * closed by the caller; empty when there is no such blob.
     *
     * @throws DomainException {@code workspace_files.range_not_satisfiable} when the range starts at or
     *                         past the end of the blob
     */
    Optional<BlobContent> openBlob(WorkspaceRef workspace, Sha256 blob, Optional<ByteRange> range);

    /** The blob's size in bytes; empty when there is no such blob. */
    OptionalLong blobSize(WorkspaceRef workspace, Sha256 blob);

    default boolean blobExists(WorkspaceRef workspace, Sha256 blob) {
        return blobSize(workspace, blob).isPresent();
    }

    /** Durably stores the manifest of a new revision. Revision ids are unique, so each is written once. */
    void putManifest(WorkspaceRef workspace, Revision revision, Manifest manifest);

    /** The revision's manifest; empty when its object is missing. */
    Optional<Manifest> getManifest(WorkspaceRef workspace, Revision revision);

    /**
     * Every workspace with anything stored, in any order: what garbage collection walks. The listing
     * methods are for maintenance; a store that does not implement them cannot be collected.
     */
    default List<WorkspaceRef> listWorkspaces() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list workspaces");
    }

    /**
     * The workspace's complete blobs, in any order, each with when it was last written; empty for a
     * workspace with none. Writes still in progress are not blobs yet and are not listed.
     */
    default List<ListedBlob> listBlobs(WorkspaceRef workspace) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot list blobs");
    }

    /**
     * Deletes the blob if it was last written before {@code writtenBefore}, and answers whether it
     * did. A blob written again since (see {@link #putBlob}) is kept: a publish storing it while a
     * collector decides its fate wins. Deleting a missing blob is harmless (false).
     */
    default boolean deleteBlob(WorkspaceRef workspace, Sha256 blob, Instant writtenBefore) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot delete blobs");
    }

    /** Whether the storage answers at all (for readiness and the workspace status); never throws. */
    boolean isAvailable();
}
