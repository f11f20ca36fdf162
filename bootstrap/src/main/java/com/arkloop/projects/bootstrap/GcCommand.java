package com.arkloop.projects.bootstrap;

import com.arkloop.projects.application.workspace.GarbageReport;

/**
 * {@code gc}: deletes the blobs no revision names that are older than the grace period (a day), in
 * every workspace. Safe while servers publish: see {@code CollectGarbage}.
 */
final class GcCommand {

    static final String USAGE = "gc";

    private GcCommand() {
    }

    static String run(String[] args, Settings settings) {
        new CommandLine(args, USAGE).requireNoPositional();
        try (Backend backend = Backend.open(settings, Backend.EmbeddedDatabaseUse.ATTACH_OR_START)) {
            GarbageReport report = backend.useCases().collectGarbage().collect();
            return "scanned %d workspaces: deleted %d blobs, %d bytes%s".formatted(report.workspacesScanned(),
                    report.blobsDeleted(), report.bytesDeleted(),
                    report.skipped().isEmpty() ? "" : "; skipped " + report.skipped().size() + " (unreadable manifests)");
        }
    }
}
