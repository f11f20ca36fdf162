package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.storage.FileSystemBlobStore;
import com.arkloop.projects.adapters.storage.S3BlobStore;
import com.arkloop.projects.adapters.storage.S3Settings;
import com.arkloop.projects.domain.workspace.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;

/** Builds the blob store the settings name: the file system under the data directory, or an S3 bucket. */
final class BlobStores {

    private BlobStores() {
    }

    static BlobStore open(Settings settings, Deque<AutoCloseable> resources) {
        return switch (settings.storage()) {
            case FILESYSTEM -> new FileSystemBlobStore(storageRoot(settings));
            case S3 -> {
                S3BlobStore store = S3BlobStore.create(s3Settings(settings));
                resources.push(store);
                yield store;
            }
        };
    }

    /** Created here, since the store reads a missing root as an outage (an unmounted volume), not as emptiness. */
    private static Path storageRoot(Settings settings) {
        Path root = settings.dataDir().resolve("storage");
        try {
            return Files.createDirectories(root);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot create the storage directory " + root, failed);
        }
    }

    private static S3Settings s3Settings(Settings settings) {
        try {
            return new S3Settings(settings.s3Endpoint().map(URI::create),
                    settings.s3Region().orElseThrow(() -> missing("ARKLOOP_S3_REGION")),
                    settings.s3Bucket().orElseThrow(() -> missing("ARKLOOP_S3_BUCKET")),
                    settings.s3Prefix().orElse(""), settings.s3AccessKeyId(), settings.s3SecretAccessKey());
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationException("S3 storage: " + invalid.getMessage());
        }
    }

    private static ConfigurationException missing(String name) {
        return new ConfigurationException("ARKLOOP_STORAGE=s3 needs " + name);
    }
}
