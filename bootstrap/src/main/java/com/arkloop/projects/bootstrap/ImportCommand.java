package com.arkloop.projects.bootstrap;

import com.arkloop.projects.application.workspace.PublishedRevision;
import com.arkloop.projects.application.workspace.WorkspaceChange;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.access.Role;
import com.arkloop.projects.domain.project.ProjectId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code import --org UUID --user UUID --project UUID [--role org_member] DIRECTORY}: publishes a local
 * directory as a new revision of that user's workspace in the project, through the same use case and
 * the same checks as a tar upload (links that leave the directory, devices and fifos are refused and
 * nothing is published). Runs beside a server on the same data directory.
 */
final class ImportCommand {

    static final String USAGE = "import --org <uuid> --user <uuid> --project <uuid> [--role org_member] <directory>";

    private ImportCommand() {
    }

    static String run(String[] args, Settings settings) {
        CommandLine line = new CommandLine(args, USAGE);
        Path directory = Path.of(line.single("directory")).toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        Actor actor = Actor.withRole(new UserId(line.uuid("--user")), new OrgId(line.uuid("--org")),
                Role.fromName(line.text("--role", "org_member")));
        ProjectId project = new ProjectId(line.uuid("--project"));
        try (Backend backend = Backend.open(settings, Backend.EmbeddedDatabaseUse.ATTACH_OR_START);
             DirectoryEntries entries = new DirectoryEntries(directory)) {
            PublishedRevision published = backend.useCases().publishRevision()
                    .publish(actor, project, Optional.empty(), WorkspaceChange.replaceAll(entries));
            return "revision %s: %d files, %d bytes".formatted(published.revision().value(),
                    published.summary().fileCount(), published.summary().byteCount());
        }
    }
}
