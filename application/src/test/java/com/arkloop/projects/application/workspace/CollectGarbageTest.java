package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.workspace.WritingFixture.archive;
import static com.arkloop.projects.application.workspace.WritingFixture.bytes;
import static com.arkloop.projects.application.workspace.WritingFixture.file;
import static com.arkloop.projects.application.workspace.WritingFixture.member;
import static com.arkloop.projects.application.workspace.WritingFixture.newOrg;
import static com.arkloop.projects.application.workspace.WritingFixture.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.application.fakes.DelegatingBlobStore;
import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.ListedBlob;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CollectGarbageTest {

    static final Duration GRACE = Duration.ofDays(1);

    final WritingFixture app = new WritingFixture();
    final Actor owner = member(newOrg());
    final Project project = app.project(owner, Visibility.PRIVATE);
    final CollectGarbage collector = app.collector(GRACE);

    WorkspaceRef ref() {
        return app.workspace(owner, project.id()).ref();
    }

    Sha256 orphan(String text) {
        return app.blobs.putBlob(ref(), bytes(text), BlobExpectation.atMost(100)).sha256();
    }

    static Sha256 sha(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deletes_old_unreferenced_blobs_and_keeps_every_revisions_blobs() {
        Revision first = app.publish.publish(owner, project.id(), Optional.empty(),
                archive(file("a.txt", "first"), file("b.txt", "shared"))).revision();
        app.publish.publish(owner, project.id(), Optional.empty(), archive(file("b.txt", "shared"), file("c.txt", "second")));
        Sha256 garbage = orphan("left behind by a failed publish");
        app.clock.advance(GRACE.plusMinutes(1));

        GarbageReport report = collector.collect(ref());

        assertEquals(new GarbageReport(1, 1, "left behind by a failed publish".length(), List.of()), report);
        assertFalse(app.blobs.blobExists(ref(), garbage));
        for (String kept : List.of("first", "shared", "second")) {
            assertTrue(app.blobs.blobExists(ref(), sha(kept)), kept);
        }
        assertEquals(Map.of("/a.txt", "first", "/b.txt", "shared"),
                app.contents(owner, project.id(), Optional.of(first.value())));
    }

    @Test
    void keeps_unreferenced_blobs_younger_than_the_grace_period() {
        Sha256 young = orphan("a publish in flight wrote me");
        app.clock.advance(GRACE.minusMinutes(1));
        assertEquals(new GarbageReport(1, 0, 0, List.of()), collector.collect(ref()));
        assertTrue(app.blobs.blobExists(ref(), young));
    }

    @Test
    void spares_an_old_blob_that_a_publish_writes_again_between_the_listing_and_the_delete() {
        Sha256 reused = orphan("same bytes");
        app.clock.advance(GRACE.plusMinutes(1));
        // The collector has listed the blob as old garbage; then a publish in flight stores the same
        // bytes again (its manifest and pointer move come later, so no revision names it yet).
        CollectGarbage racing = new CollectGarbage(new ListThenRun(app.blobs, () -> orphan("same bytes")),
                app.revisions, app.transactions, app.clock, GRACE);

        assertEquals(0, racing.collect(ref()).blobsDeleted());

        assertTrue(app.blobs.blobExists(ref(), reused));
        app.publish.publish(owner, project.id(), Optional.empty(), put("/r.txt", "same bytes"));
        assertEquals(Map.of("/r.txt", "same bytes"), app.contents(owner, project.id(), Optional.empty()));
    }

    @Test
    void spares_the_blobs_a_publish_in_flight_has_stored_before_its_manifest() {
        // The collector runs after the publish stored its blobs and before its manifest: as late as
        // the publish time limit allows, the blobs are still younger than the grace period.
        WritingFixture[] fixture = new WritingFixture[1];
        List<GarbageReport> reports = new ArrayList<>();
        fixture[0] = new WritingFixture(PublishRevision.Limits.DEFAULT, blobs -> new DelegatingBlobStore(blobs) {
            @Override
            public void putManifest(WorkspaceRef workspace, Revision revision, Manifest manifest) {
                fixture[0].clock.advance(PublishRevision.Limits.DEFAULT.maxDuration().minusMinutes(1));
                reports.add(fixture[0].collector(GRACE).collect(workspace));
                super.putManifest(workspace, revision, manifest);
            }
        }, workspaces -> workspaces);
        WritingFixture app = fixture[0];
        Project project = app.project(owner, Visibility.PRIVATE);

        app.publish.publish(owner, project.id(), Optional.empty(), archive(file("a.txt", "in flight"), file("b.txt", "too")));

        assertEquals(List.of(new GarbageReport(1, 0, 0, List.of())), reports);
        assertEquals(Map.of("/a.txt", "in flight", "/b.txt", "too"), app.contents(owner, project.id(), Optional.empty()));
        app.clock.advance(GRACE.multipliedBy(3));
        assertEquals(0, app.collector(GRACE).collect().blobsDeleted());
        assertEquals(2, app.contents(owner, project.id(), Optional.empty()).size());
    }

    @Test
    void skips_a_workspace_whose_retained_manifest_is_missing() {
        Sha256 garbage = orphan("maybe referenced");
        Revision lost = Revision.create(app.clock.instant(), new SplittableRandom());
        app.workspaces.advanceRevision(ref(), Optional.empty(), lost, app.clock.instant());
        app.revisions.append(new RevisionSummary(ref(), lost, app.clock.instant(), 1, 1));
        app.clock.advance(GRACE.plusMinutes(1));

        assertEquals(GarbageReport.skipped(ref()), collector.collect(ref()));
        assertTrue(app.blobs.blobExists(ref(), garbage));
    }

    @Test
    void collects_every_workspace_the_store_holds() {
        Actor other = member(newOrg());
        Project theirs = app.project(other, Visibility.PRIVATE);
        WorkspaceRef theirRef = app.workspace(other, theirs.id()).ref();
        orphan("mine");
        app.blobs.putBlob(theirRef, bytes("theirs"), BlobExpectation.atMost(100));
        app.publish.publish(other, theirs.id(), Optional.empty(), put("/kept.txt", "kept"));
        app.clock.advance(GRACE.plusMinutes(1));

        GarbageReport report = collector.collect();

        assertEquals(2, report.workspacesScanned());
        assertEquals(2, report.blobsDeleted());
        assertTrue(app.blobs.blobExists(theirRef, sha("kept")));
    }

    @Test
    void refuses_a_grace_period_that_is_not_positive() {
        assertThrows(IllegalArgumentException.class, () -> app.collector(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> app.collector(Duration.ofSeconds(-1)));
    }

    @Test
    void reports_a_storage_outage_without_deleting_anything() {
        orphan("x");
        app.clock.advance(GRACE.plusMinutes(1));
        app.blobs.setAvailable(false);
        assertThrows(DomainException.class, () -> collector.collect(ref()));
        app.blobs.setAvailable(true);
        assertTrue(app.blobs.blobExists(ref(), sha("x")));
    }

    /** A store whose blob listing runs something (a racing publish) after it is taken and before it is returned. */
    static final class ListThenRun extends DelegatingBlobStore {
        private final Runnable meanwhile;

        ListThenRun(BlobStore delegate, Runnable meanwhile) {
            super(delegate);
            this.meanwhile = meanwhile;
        }

        @Override
        public List<ListedBlob> listBlobs(WorkspaceRef workspace) {
            List<ListedBlob> listed = super.listBlobs(workspace);
            meanwhile.run();
            return listed;
        }
    }
}
