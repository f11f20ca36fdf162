package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.workspace.WritingFixture.member;
import static com.arkloop.projects.application.workspace.WritingFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.ManifestEntry;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.WorkspacePath;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentPublishTest {

    static final int WRITERS = 12;
    static final int ATTEMPTS = 25;

    final WritingFixture app = new WritingFixture();
    final Actor owner = member(newOrg());
    final Project project = app.project(owner, Visibility.PRIVATE);

    /** One attempted write: a put (text present) or a delete of a path; the revision it made, if it landed. */
    record Attempt(String path, Optional<String> text, Optional<Revision> landed) {
    }

    Attempt attempt(int writer, int round) {
        String path = "/f" + ((writer + round) % 5) + ".txt";
        boolean delete = round % 7 == 3;
        String text = "writer " + writer + " round " + round;
        WorkspaceChange change = delete ? WritingFixture.delete(path) : WritingFixture.put(path, text);
        try {
            Revision revision = app.publish.publish(owner, project.id(), Optional.empty(), change).revision();
            return new Attempt(path, delete ? Optional.empty() : Optional.of(text), Optional.of(revision));
        } catch (DomainException refused) {
            if (refused.errorCode() != ErrorCode.WORKSPACE_REVISION_CONFLICT
                    && !(delete && refused.errorCode() == ErrorCode.WORKSPACE_FILE_NOT_FOUND)) {
                throw refused;
            }
            return new Attempt(path, Optional.empty(), Optional.empty());
        }
    }

    @Test
    void lands_every_write_as_its_own_revision_or_refuses_it_and_the_result_is_the_writes_in_order() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                int id = writer;
                running.add(pool.submit(() -> {
                    go.await();
                    for (int round = 0; round < ATTEMPTS; round++) {
                        attempts.add(attempt(id, round));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<Attempt> landed = attempts.stream().filter(attempt -> attempt.landed().isPresent())
                .sorted(Comparator.comparing(attempt -> attempt.landed().orElseThrow())).toList();
        assertTrue(landed.size() > 1, "some writes land");
        assertEquals(WRITERS * ATTEMPTS, attempts.size());

        // Each landed write is its own revision, and the history is exactly the landed writes.
        WorkspaceRef ref = app.workspace(owner, project.id()).ref();
        List<Revision> history = new ArrayList<>(app.revisions.listNewestFirst(ref, Optional.empty(), 10_000).stream()
                .map(RevisionSummary::revision).toList());
        Collections.reverse(history);
        assertEquals(landed.stream().map(attempt -> attempt.landed().orElseThrow()).toList(), history);
        assertEquals(Optional.of(history.getLast()), app.latest(owner, project.id()));

        // Replaying the landed writes in revision order gives every revision's manifest, and the last one.
        Map<String, Sha256> expected = new HashMap<>();
        for (Attempt write : landed) {
            if (write.text().isPresent()) {
                expected.put(write.path(), Sha256.of(write.text().get().getBytes(StandardCharsets.UTF_8)));
            } else {
                expected.remove(write.path());
            }
            Manifest manifest = app.blobs.getManifest(ref, write.landed().orElseThrow()).orElseThrow();
            assertEquals(expected, files(manifest), "revision " + write.landed().get());
            // No revision ever names a missing blob.
            for (ManifestEntry entry : manifest.entries()) {
                assertTrue(app.blobs.blobExists(ref, entry.sha256().orElseThrow()), entry.toString());
            }
        }
        Map<String, String> finalContents = app.contents(owner, project.id(), Optional.empty());
        Map<String, String> expectedContents = new HashMap<>();
        for (Attempt write : landed) {
            write.text().ifPresentOrElse(text -> expectedContents.put(write.path(), text),
                    () -> expectedContents.remove(write.path()));
        }
        assertEquals(expectedContents, finalContents);
    }

    static Map<String, Sha256> files(Manifest manifest) {
        Map<String, Sha256> files = new HashMap<>();
        Set<WorkspacePath> seen = new HashSet<>();
        for (ManifestEntry entry : manifest.entries()) {
            assertTrue(seen.add(entry.path()));
            files.put(entry.path().value(), entry.sha256().orElseThrow());
        }
        return files;
    }
}
