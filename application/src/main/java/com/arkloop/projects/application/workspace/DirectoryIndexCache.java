package com.arkloop.projects.application.workspace;

import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.DirectoryIndex;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The directory index of each (workspace, revision), built from its manifest on first use. Revisions
 * never change, so entries are never invalidated; the cache is bounded by the total number of
 * manifest entries it holds (what costs memory), evicting the least recently used index first.
 *
 * <p>A miss reads and indexes the manifest outside the lock, so one large manifest does not stall
 * readers of others; two concurrent misses on the same key may both build it, and the first to
 * finish is kept.
 */
public final class DirectoryIndexCache {

    private record Key(WorkspaceRef workspace, Revision revision) {
    }

    private final BlobStore blobs;
    private final long maxEntries;
    private final Map<Key, DirectoryIndex> indexes = new LinkedHashMap<>(16, 0.75f, true);
    private long cachedEntries;

    /** @param maxEntries how many manifest entries the cached indexes may hold in total */
    public DirectoryIndexCache(BlobStore blobs, long maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.blobs = blobs;
        this.maxEntries = maxEntries;
    }

    /**
     * The revision's index; empty when its manifest object is missing (not cached: it may be a
     * transient storage problem).
     *
     * @throws com.arkloop.projects.domain.DomainException {@code service.unavailable} from the store
     */
    public Optional<DirectoryIndex> indexOf(WorkspaceRef workspace, Revision revision) {
        Key key = new Key(workspace, revision);
        synchronized (this) {
            DirectoryIndex cached = indexes.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<DirectoryIndex> built = blobs.getManifest(workspace, revision).map(DirectoryIndex::of);
        return built.map(index -> keep(key, index));
    }

    private synchronized DirectoryIndex keep(Key key, DirectoryIndex index) {
        DirectoryIndex raced = indexes.get(key);
        if (raced != null) {
            return raced;
        }
        long weight = weight(index);
        if (weight > maxEntries) {
            return index; // larger than the whole cache: serve it, keep nothing
        }
        indexes.put(key, index);
        cachedEntries += weight;
        Iterator<DirectoryIndex> eldestFirst = indexes.values().iterator();
        while (cachedEntries > maxEntries) {
            cachedEntries -= weight(eldestFirst.next());
            eldestFirst.remove();
        }
        return index;
    }

    /** How many manifest entries the cached indexes hold now. */
    public synchronized long cachedEntries() {
        return cachedEntries;
    }

    // Even an empty manifest costs something to keep.
    private static long weight(DirectoryIndex index) {
        return Math.max(1, index.entryCount());
    }
}
