package com.arkloop.projects.application.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.application.fakes.InMemoryBlobStore;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.workspace.DirectoryIndex;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DirectoryIndexCacheTest {

    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private final WorkspaceRef workspace = new WorkspaceRef("wsref_8398feadc3eb164d4079c8b41257dac1");
    private final SplittableRandom random = new SplittableRandom(1);

    private Revision storeManifest(int files) {
        Revision revision = Revision.create(Instant.parse("2024-01-01T00:00:00Z"), random);
        blobs.putManifest(workspace, revision, new Manifest(IntStream.range(0, files)
                .mapToObj(i -> ManifestEntry.file(WorkspacePath.parseFile("/f" + i), 0, Sha256.of(new byte[0]), 0, 0644))
                .toList()));
        return revision;
    }

    @Test
    void reads_each_manifest_once() {
        DirectoryIndexCache cache = new DirectoryIndexCache(blobs, 100);
        Revision revision = storeManifest(3);
        DirectoryIndex first = cache.indexOf(workspace, revision).orElseThrow();
        assertSame(first, cache.indexOf(workspace, revision).orElseThrow());
        assertEquals(1, blobs.manifestReads());
        assertEquals(3, cache.cachedEntries());
    }

    @Test
    void evicts_the_least_recently_used_index_when_over_its_entry_budget() {
        DirectoryIndexCache cache = new DirectoryIndexCache(blobs, 10);
        Revision a = storeManifest(4);
        Revision b = storeManifest(4);
        Revision c = storeManifest(4);
        cache.indexOf(workspace, a);
        cache.indexOf(workspace, b);
        cache.indexOf(workspace, a); // a is now more recent than b
        cache.indexOf(workspace, c); // 12 > 10: b goes
        assertEquals(3, blobs.manifestReads());
        assertEquals(8, cache.cachedEntries());
        cache.indexOf(workspace, a);
        cache.indexOf(workspace, c);
        assertEquals(3, blobs.manifestReads());
        cache.indexOf(workspace, b);
        assertEquals(4, blobs.manifestReads());
    }

    @Test
    void serves_but_does_not_keep_an_index_larger_than_the_whole_cache() {
        DirectoryIndexCache cache = new DirectoryIndexCache(blobs, 5);
        Revision huge = storeManifest(6);
        assertEquals(6, cache.indexOf(workspace, huge).orElseThrow().entryCount());
        assertEquals(0, cache.cachedEntries());
    }

    @Test
    void answers_empty_for_a_missing_manifest_and_looks_again_next_time() {
        DirectoryIndexCache cache = new DirectoryIndexCache(blobs, 10);
        Revision missing = Revision.create(Instant.parse("2024-01-01T00:00:00Z"), random);
        assertEquals(Optional.empty(), cache.indexOf(workspace, missing));
        blobs.putManifest(workspace, missing, new Manifest(List.of()));
        assertEquals(0, cache.indexOf(workspace, missing).orElseThrow().entryCount());
    }

    @Test
    void passes_a_storage_outage_through() {
        DirectoryIndexCache cache = new DirectoryIndexCache(blobs, 10);
        Revision revision = storeManifest(1);
        blobs.setAvailable(false);
        DomainException error = assertThrows(DomainException.class, () -> cache.indexOf(workspace, revision));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, error.errorCode());
    }
}
