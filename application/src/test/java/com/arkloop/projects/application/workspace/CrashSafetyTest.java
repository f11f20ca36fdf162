package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.workspace.WritingFixture.archive;
import static com.arkloop.projects.application.workspace.WritingFixture.file;
import static com.arkloop.projects.application.workspace.WritingFixture.member;
import static com.arkloop.projects.application.workspace.WritingFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.arkloop.projects.application.fakes.DelegatingBlobStore;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.Workspace;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A publish killed at each step (an injected failure, as a crash or an outage would cut it short)
 * leaves readers on the previous revision, complete, and a retry of the same change succeeds.
 */
class CrashSafetyTest {

    enum Step {
        AFTER_SOME_BLOBS, WRITING_THE_MANIFEST, AFTER_THE_MANIFEST, BEFORE_THE_POINTER_MOVES
    }

    static final class Crash extends RuntimeException {
        Crash(Step step) {
            super("simulated crash " + step);
        }
    }

    /** The step to fail at, or null once disarmed. */
    volatile Step armed;
    final AtomicInteger blobWrites = new AtomicInteger();

    final WritingFixture app = new WritingFixture(PublishRevision.Limits.DEFAULT, FailingBlobs::new, FailingWorkspaces::new);
    final Actor owner = member(newOrg());
    final Project project = app.project(owner, Visibility.PRIVATE);

    final class FailingBlobs extends DelegatingBlobStore {
        FailingBlobs(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public StoredBlob putBlob(WorkspaceRef workspace, InputStream content, BlobExpectation expectation) {
            if (armed == Step.AFTER_SOME_BLOBS && blobWrites.incrementAndGet() > 2) {
                throw new Crash(armed);
            }
            return super.putBlob(workspace, content, expectation);
        }

        @Override
        public void putManifest(WorkspaceRef workspace, Revision revision, Manifest manifest) {
            if (armed == Step.WRITING_THE_MANIFEST) {
                throw WorkspaceErrors.storageUnavailable(new IOException("disk full"));
            }
            super.putManifest(workspace, revision, manifest);
            if (armed == Step.AFTER_THE_MANIFEST) {
                throw new Crash(armed);
            }
        }
    }

    final class FailingWorkspaces implements WorkspaceRepository {
        private final WorkspaceRepository delegate;

        FailingWorkspaces(WorkspaceRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Workspace findOrCreate(Workspace candidate) {
            return delegate.findOrCreate(candidate);
        }

        @Override
        public boolean advanceRevision(WorkspaceRef ref, Optional<Revision> expected, Revision next, Instant now) {
            if (armed == Step.BEFORE_THE_POINTER_MOVES) {
                throw new Crash(armed);
            }
            return delegate.advanceRevision(ref, expected, next, now);
        }
    }

    WorkspaceChange replacement() {
        return archive(file("a.txt", "new a"), file("b.txt", "new b"), file("c/d.txt", "new d"), file("e.txt", "new e"));
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void leaves_readers_on_the_previous_revision_complete_and_a_retry_succeeds(Step step) {
        Revision previous = app.publish.publish(owner, project.id(), Optional.empty(),
                archive(file("a.txt", "old a"), file("keep/k.txt", "old k"))).revision();
        Map<String, String> before = app.contents(owner, project.id(), Optional.empty());
        WorkspaceRef ref = app.workspace(owner, project.id()).ref();
        List<RevisionSummary> history = app.revisions.listNewestFirst(ref, Optional.empty(), 10);

        armed = step;
        assertThrows(RuntimeException.class,
                () -> app.publish.publish(owner, project.id(), Optional.of(previous.value()), replacement()));
        armed = null;

        assertEquals(Optional.of(previous), app.latest(owner, project.id()));
        assertEquals(Map.of("/a.txt", "old a", "/keep/k.txt", "old k"), before);
        assertEquals(before, app.contents(owner, project.id(), Optional.empty()));
        assertEquals(history, app.revisions.listNewestFirst(ref, Optional.empty(), 10));

        Revision retried = app.publish.publish(owner, project.id(), Optional.of(previous.value()), replacement())
                .revision();
        assertEquals(Optional.of(retried), app.latest(owner, project.id()));
        assertEquals(Map.of("/a.txt", "new a", "/b.txt", "new b", "/c/d.txt", "new d", "/e.txt", "new e"),
                app.contents(owner, project.id(), Optional.empty()));
        assertEquals(before, app.contents(owner, project.id(), Optional.of(previous.value())));

        // What the crashed publish stored is garbage, and collecting it spares both revisions.
        app.clock.advance(Duration.ofDays(2));
        app.collector(Duration.ofDays(1)).collect(ref);
        assertEquals(before, app.contents(owner, project.id(), Optional.of(previous.value())));
        assertEquals(4, app.contents(owner, project.id(), Optional.empty()).size());
    }
}
