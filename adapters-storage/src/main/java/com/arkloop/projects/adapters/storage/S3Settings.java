package com.arkloop.projects.adapters.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an {@link S3BlobStore} keeps its objects.
 *
 * @param endpoint        an S3-compatible server (path-style addressing); empty for AWS itself
 * @param region          the bucket's region (S3-compatible servers usually accept any, e.g. {@code us-east-1})
 * @param bucket          an existing bucket; the store never creates one
 * @param prefix          put before every key, so several deployments can share a bucket; empty or
 *                        ending in {@code /} (one is appended if missing)
 * @param accessKeyId     static credentials, given together with {@code secretAccessKey}; when both are
 *                        empty the SDK's default chain applies (environment, profile, instance role)
 * @param secretAccessKey see {@code accessKeyId}; never printed
 */
public record S3Settings(Optional<URI> endpoint, String region, String bucket, String prefix,
                         Optional<String> accessKeyId, Optional<String> secretAccessKey) {

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        endpoint.ifPresent(uri -> {
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("the S3 endpoint must be an http(s) URL");
            }
        });
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("the S3 region is required");
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("the S3 bucket is required");
        }
        prefix = prefix == null ? "" : prefix;
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException("the S3 key prefix must not start with '/'");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
            throw new IllegalArgumentException("the S3 access key id and secret access key go together");
        }
    }

    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint.map(URI::toString).orElse("(AWS)") + ", region=" + region
                + ", bucket=" + bucket + ", prefix=" + prefix + ", accessKeyId=" + accessKeyId.orElse("(default chain)")
                + ", secretAccessKey=" + (secretAccessKey.isPresent() ? "(redacted)" : "(default chain)") + "]";
    }
}
