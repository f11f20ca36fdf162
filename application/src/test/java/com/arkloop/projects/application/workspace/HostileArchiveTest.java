package com.arkloop.projects.application.workspace;

import static com.arkloop.projects.application.workspace.WritingFixture.bytes;
import static com.arkloop.projects.application.workspace.WritingFixture.file;
import static com.arkloop.projects.application.workspace.WritingFixture.member;
import static com.arkloop.projects.application.workspace.WritingFixture.newOrg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.project.Project;
import com.arkloop.projects.domain.project.Visibility;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.RevisionSummary;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every hostile entry rejects the whole archive with 400 invalid_archive, naming it, and publishes nothing. */
class HostileArchiveTest {

    static final int MAX_ENTRIES = 5;
    static final long MAX_BYTES = 10;

    final WritingFixture app = new WritingFixture(new PublishRevision.Limits(MAX_ENTRIES, MAX_BYTES, Duration.ofHours(1)));
    final Actor owner = member(newOrg());
    final Project project = app.project(owner, Visibility.PRIVATE);

    static Stream<Arguments> hostileArchives() {
        return Stream.of(
                hostile("path traversal", "../etc/passwd", "climbs out", file("ok.txt", "ok"), file("../etc/passwd", "x")),
                hostile("traversal in the middle", "a/../../x", "climbs out", file("a/../../x", "x")),
                hostile("traversal after ./", "./../x", "climbs out", file("./../x", "x")),
                hostile("absolute path", "/etc/passwd", "absolute", file("/etc/passwd", "x")),
                hostile("absolute directory", "/tmp/", "absolute", ArchiveEntry.directory("/tmp/", 0755, 0)),
                hostile("dot segment", "a/./b", "not a valid workspace path", file("a/./b", "x")),
                hostile("backslash", "a\\..\\b", "not a valid workspace path", file("a\\..\\b", "x")),
                hostile("control character", "a\nb", "not a valid workspace path", file("a\nb", "x")),
                hostile("empty segment", "a//b", "not a valid workspace path", file("a//b", "x")),
                hostile("empty name", "", "empty name", file("", "x")),
                hostile("a file named like a directory", "a/", "not a directory", file("a/", "x")),
                hostile("a file at the root", "./", "root", file("./", "x")),
                hostile("symlink out of the root", "link", "outside the root",
                        ArchiveEntry.symlink("link", "../../etc/passwd", 0777, 0)),
                hostile("symlink out from a subdirectory", "a/b/link", "outside the root",
                        ArchiveEntry.symlink("a/b/link", "../../../x", 0777, 0)),
                hostile("symlink to an absolute path", "link", "outside the root",
                        ArchiveEntry.symlink("link", "/etc/passwd", 0777, 0)),
                hostile("hard link out of the root", "link", "climbs out",
                        ArchiveEntry.hardlink("link", "../etc/passwd", 0644, 0)),
                hostile("hard link to an absolute path", "link", "absolute",
                        ArchiveEntry.hardlink("link", "/etc/passwd", 0644, 0)),
                hostile("hard link to nothing earlier", "link", "not an earlier file",
                        ArchiveEntry.hardlink("link", "later.txt", 0644, 0), file("later.txt", "x")),
                hostile("hard link to a directory", "link", "not an earlier file",
                        ArchiveEntry.directory("d/", 0755, 0), ArchiveEntry.hardlink("link", "d", 0644, 0)),
                hostile("duplicate file", "./a.txt", "duplicates", file("a.txt", "1"), file("./a.txt", "2")),
                hostile("duplicate directory", "d/", "duplicates",
                        ArchiveEntry.directory("d", 0755, 0), ArchiveEntry.directory("d/", 0755, 0)),
                hostile("entry below a file", "a/b", "below /a", file("a", "1"), file("a/b", "2")),
                hostile("file over implied directory", "a", "earlier entries lie below it", file("a/b", "1"), file("a", "2")),
                hostile("character device", "dev/null", "device",
                        ArchiveEntry.special("dev/null", ArchiveEntryType.DEVICE, 0666, 0)),
                hostile("fifo", "pipe", "fifo", ArchiveEntry.special("pipe", ArchiveEntryType.FIFO, 0644, 0)),
                hostile("socket or unknown type", "sock", "special file",
                        ArchiveEntry.special("sock", ArchiveEntryType.OTHER, 0644, 0)),
                hostile("too many entries", "6", "more than 5 entries", file("1", ""), file("2", ""), file("3", ""),
                        file("4", ""), file("5", ""), file("6", "")),
                hostile("too many bytes declared", "c", "past 10 bytes", file("a", "1234"), file("b", "1234"),
                        file("c", "123")),
                hostile("more bytes than the header says", "bomb", "more bytes than its header says",
                        ArchiveEntry.file("bomb", 2, 0644, 0, bytes("0123456789"))),
                hostile("fewer bytes than the header says", "short", "fewer bytes",
                        ArchiveEntry.file("short", 5, 0644, 0, bytes("12"))),
                hostile("negative size", "neg", "negative", ArchiveEntry.file("neg", -1, 0644, 0, bytes(""))));
    }

    static Arguments hostile(String what, String entry, String reason, ArchiveEntry... entries) {
        return Arguments.of(what, entry, reason, List.of(entries));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileArchives")
    void rejects_the_whole_archive_and_publishes_nothing(String what, String entry, String reason,
                                                         List<ArchiveEntry> entries) {
        Revision before = app.publish.publish(owner, project.id(), Optional.empty(),
                WritingFixture.archive(file("kept.txt", "kept"))).revision();
        WorkspaceRef ref = app.workspace(owner, project.id()).ref();
        List<RevisionSummary> history = app.revisions.listNewestFirst(ref, Optional.empty(), 10);

        DomainException error = assertThrows(DomainException.class, () -> app.publish.publish(owner, project.id(),
                Optional.empty(), WorkspaceChange.replaceAll(ArchiveEntries.of(entries))));

        assertEquals(ErrorCode.WORKSPACE_INVALID_ARCHIVE, error.errorCode());
        assertEquals(entry.replace('\n', '?'), error.details().get("entry"));
        assertTrue(error.details().get("reason").contains(reason), error.details().toString());
        assertEquals(Optional.of(before), app.latest(owner, project.id()));
        assertEquals(history, app.revisions.listNewestFirst(ref, Optional.empty(), 10));
        assertEquals(Map.of("/kept.txt", "kept"), app.contents(owner, project.id(), Optional.empty()));
    }
}
