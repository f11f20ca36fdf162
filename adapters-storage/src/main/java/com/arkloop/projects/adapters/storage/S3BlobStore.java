package com.arkloop.projects.adapters.storage;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.workspace.BlobContent;
import com.arkloop.projects.domain.workspace.BlobExpectation;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.ListedBlob;
import com.arkloop.projects.domain.workspace.Manifest;
import com.arkloop.projects.domain.workspace.Revision;
import com.arkloop.projects.domain.workspace.Sha256;
import com.arkloop.projects.domain.workspace.StoredBlob;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import com.arkloop.projects.domain.workspace.WorkspaceRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link BlobStore} in an S3 bucket, so that server instances keep no state of their own:
 * {@code {prefix}workspaces/{workspace_ref}/blobs/{sha256}} and
 * {@code {prefix}workspaces/{workspace_ref}/manifests/{revision}.json}. Keys come only from validated
 * refs, digests and revision ids.
 *
 * <p>A blob is read from its source one part at a time (at least 8 MiB, never the whole blob) and
 * becomes visible under its name only once its digest and size are verified: content that fits in one
 * part is hashed before a single PUT; larger content is a multipart upload, completed only after
 * verification, straight to its name when the digest is known in advance and otherwise to
 * {@code {prefix}tmp/{uuid}}, then copied server-side to its name. An upload abandoned by a crash
 * stays invisible; a lifecycle rule on the bucket (abort incomplete multipart uploads, expire
 * {@code tmp/}) reclaims its space.
 *
 * <p>A blob's write time is its object's LastModified, by the storage's clock. Storing a blob that is
 * already there renews it without uploading its bytes again: the object is copied onto itself
 * server-side (one CopyObject, or a multipart copy above 5 GiB). Garbage collection lists with
 * ListObjectsV2 and deletes after a HEAD; see {@link #deleteBlob} for the one window that leaves.
 *
 * <p>Every SDK or network failure, and every S3 error other than a missing key, is
 * {@link WorkspaceErrors#storageUnavailable}. Connections time out after 2 s and calls after 30 s (longer for
 * transfers, in proportion to their size), so an outage answers quickly. The credentials need
 * {@code s3:GetObject}, {@code s3:PutObject}, {@code s3:DeleteObject} (collection, and clean-up of
 * {@code tmp/}) and {@code s3:ListBucket} (collection; without it S3 also reports a missing key as
 * 403, which would read as an outage).
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    /** Above S3's 5 MiB minimum part size; also what one upload holds in memory at most, usually. */
    static final int MIN_PART_SIZE = 8 * 1024 * 1024;
    private static final int MAX_PART_SIZE = 1 << 30;
    private static final int MAX_PARTS = 10_000;
    private static final long COPY_PART_SIZE = 256L * 1024 * 1024;
    /** The largest object a single CopyObject copies. */
    private static final long MAX_COPY_SIZE = 5L * 1024 * 1024 * 1024;
    private static final String BLOB_CONTENT_TYPE = "application/octet-stream";
    private static final int DRAIN_CHUNK = 64 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    /** A transfer may take its base timeout plus one second per MiB (a floor of 1 MiB/s to the store). */
    private static final long MIN_BYTES_PER_SECOND = 1024 * 1024;
    /** Each open blob holds a pooled connection while the client reads it, so the pool is generous. */
    private static final int MAX_CONNECTIONS = 256;
    private static final Duration POOL_WAIT = Duration.ofSeconds(5);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    private S3BlobStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** A store with its own pooled client; {@link #close()} releases it. No request is made here. */
    public static S3BlobStore create(S3Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKeyId()
                .<AwsCredentialsProvider>map(id -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(id, settings.secretAccessKey().orElseThrow())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .maxConnections(MAX_CONNECTIONS)
                        .connectionAcquisitionTimeout(POOL_WAIT))
                .overrideConfiguration(config -> config.apiCallTimeout(CALL_TIMEOUT));
        // S3-compatible servers rarely resolve virtual-hosted bucket names.
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(endpoint).forcePathStyle(true));
        return new S3BlobStore(builder.build(), settings.bucket(), settings.prefix());
    }

    @Override
    public StoredBlob putBlob(WorkspaceRef workspace, InputStream content, BlobExpectation expectation) {
        HashingSource source = new HashingSource(content, expectation);
        Optional<Sha256> known = expectation instanceof BlobExpectation.Exactly exactly
                ? Optional.of(exactly.sha256()) : Optional.empty();
        try {
            if (known.isPresent() && renewed(blobKey(workspace, known.get()))) {
                // Content-addressed: nothing to upload, but the caller's bytes must still match their claim.
                // Renewing first keeps the source unread, so a blob deleted meanwhile is uploaded below.
                source.drain();
                return source.finish();
            }
            int partSize = partSize(expectation.maxSize());
            byte[] first = source.read(partSize);
            if (first.length < partSize) {
                StoredBlob blob = source.finish();
                String key = blobKey(workspace, blob.sha256());
                if (known.isPresent() || !renewed(key)) {
                    s3.putObject(request -> request.bucket(bucket).key(key)
                            .overrideConfiguration(config -> config.apiCallTimeout(transferTimeout(first.length))),
                            body(first));
                }
                return blob;
            }
            if (known.isPresent()) {
                return uploadVerified(blobKey(workspace, known.get()), first, source, partSize);
            }
            String temp = prefix + "tmp/" + UUID.randomUUID();
            StoredBlob blob = uploadVerified(temp, first, source, partSize);
            try {
                String key = blobKey(workspace, blob.sha256());
                if (!renewed(key)) {
                    copy(temp, key, blob.size());
                }
            } finally {
                deleteQuietly(temp);
            }
            return blob;
        } catch (SdkException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
    }

    /**
     * Renews the write time of the object if it exists, by copying it onto itself (S3 accepts that
     * only when the metadata is replaced), server-side and without its bytes passing through here;
     * false when there is no such object, also when it is deleted between the two requests.
     */
    private boolean renewed(String key) {
        OptionalLong size = objectSize(key);
        if (size.isEmpty()) {
            return false;
        }
        try {
            if (size.getAsLong() <= MAX_COPY_SIZE) {
                s3.copyObject(request -> request.sourceBucket(bucket).sourceKey(key)
                        .destinationBucket(bucket).destinationKey(key)
                        .metadataDirective(MetadataDirective.REPLACE).contentType(BLOB_CONTENT_TYPE)
                        .overrideConfiguration(config -> config.apiCallTimeout(transferTimeout(size.getAsLong()))));
            } else {
                copy(key, key, size.getAsLong());
            }
            return true;
        } catch (NoSuchKeyException deletedMeanwhile) {
            return false;
        }
    }

    /**
     * A multipart upload of {@code part} and the rest of the source, completed (made visible) only if
     * the content meets its expectation, and aborted otherwise.
     */
    private StoredBlob uploadVerified(String key, byte[] part, HashingSource source, int partSize) {
        String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(key)).uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            while (part.length > 0) {
                int number = parts.size() + 1;
                long length = part.length;
                String etag = s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                                .partNumber(number)
                                .overrideConfiguration(config -> config.apiCallTimeout(transferTimeout(length))),
                        body(part)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                // Only the last part is short; reading on would block on a source already at its end.
                part = part.length < partSize ? new byte[0] : source.read(partSize);
            }
            StoredBlob blob = source.finish();
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
            completed = true;
            return blob;
        } finally {
            if (!completed) {
                abortQuietly(key, uploadId);
            }
        }
    }

    /** A server-side copy in parts, since a single CopyObject stops at 5 GiB. */
    private void copy(String from, String to, long size) {
        String uploadId = s3.createMultipartUpload(request -> request.bucket(bucket).key(to)
                .contentType(BLOB_CONTENT_TYPE)).uploadId();
        boolean completed = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += COPY_PART_SIZE) {
                int number = parts.size() + 1;
                long end = Math.min(size, offset + COPY_PART_SIZE);
                long length = end - offset;
                String range = "bytes=" + offset + "-" + (end - 1);
                String etag = s3.uploadPartCopy(request -> request.sourceBucket(bucket).sourceKey(from)
                        .destinationBucket(bucket).destinationKey(to).uploadId(uploadId).partNumber(number)
                        .copySourceRange(range)
                        .overrideConfiguration(config -> config.apiCallTimeout(transferTimeout(length)))
                ).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            s3.completeMultipartUpload(request -> request.bucket(bucket).key(to).uploadId(uploadId)
                    .multipartUpload(upload -> upload.parts(parts)));
            completed = true;
        } finally {
            if (!completed) {
                abortQuietly(to, uploadId);
            }
        }
    }

    @Override
    public Optional<BlobContent> openBlob(WorkspaceRef workspace, Sha256 blob, Optional<ByteRange> range) {
        ResponseInputStream<GetObjectResponse> response;
        try {
            response = s3.getObject(request -> request.bucket(bucket).key(blobKey(workspace, blob))
                    .range(range.map(S3BlobStore::rangeHeader).orElse(null)));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                // The range starts past the end; the error need not say where the end is.
                OptionalLong size = blobSize(workspace, blob);
                if (size.isEmpty()) {
                    return Optional.empty();
                }
                throw WorkspaceErrors.rangeNotSatisfiable(size.getAsLong());
            }
            throw WorkspaceErrors.storageUnavailable(e);
        } catch (SdkException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
        try {
            String contentRange = response.response().contentRange();
            if (contentRange != null) {
                // "bytes first-last/total": S3 served exactly the range, cut short at the end.
                long offset = Long.parseLong(contentRange.substring(contentRange.indexOf(' ') + 1, contentRange.indexOf('-')));
                long total = Long.parseLong(contentRange.substring(contentRange.lastIndexOf('/') + 1));
                long length = response.response().contentLength();
                return Optional.of(new BlobContent(total, offset, length, new ObjectStream(response, length)));
            }
            // The whole object: no range was asked for, or the server ignored it (some do for an empty object).
            long total = response.response().contentLength();
            Optional<ByteRange> served = range.map(requested -> requested.within(total));
            long offset = served.map(ByteRange::offset).orElse(0L);
            long length = served.map(ByteRange::length).orElse(total);
            response.skipNBytes(offset);
            return Optional.of(new BlobContent(total, offset, length, new ObjectStream(response, length)));
        } catch (DomainException e) {
            discard(response);
            throw e;
        } catch (IOException | RuntimeException e) {
            // A response that does not add up is the store's fault.
            discard(response);
            throw WorkspaceErrors.storageUnavailable(e);
        }
    }

    private static String rangeHeader(ByteRange range) {
        long last = range.offset() + Math.min(range.length(), Long.MAX_VALUE - range.offset()) - 1;
        return "bytes=" + range.offset() + "-" + last;
    }

    @Override
    public OptionalLong blobSize(WorkspaceRef workspace, Sha256 blob) {
        try {
            return objectSize(blobKey(workspace, blob));
        } catch (SdkException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
    }

    private OptionalLong objectSize(String key) {
        try {
            return OptionalLong.of(s3.headObject(request -> request.bucket(bucket).key(key)).contentLength());
        } catch (S3Exception e) {
            // A HEAD response has no body, so a 404 cannot tell a missing key from a missing bucket.
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    @Override
    public void putManifest(WorkspaceRef workspace, Revision revision, Manifest manifest) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            ManifestJson.write(manifest, json);
            s3.putObject(request -> request.bucket(bucket).key(manifestKey(workspace, revision))
                            .contentType("application/json")
                            .overrideConfiguration(config -> config.apiCallTimeout(transferTimeout(json.size()))),
                    RequestBody.fromBytes(json.toByteArray()));
        } catch (IOException | SdkException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
    }

    @Override
    public Optional<Manifest> getManifest(WorkspaceRef workspace, Revision revision) {
        try (InputStream json = s3.getObject(request -> request.bucket(bucket).key(manifestKey(workspace, revision)))) {
            return Optional.of(ManifestJson.read(json));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (IOException | SdkException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
    }

    @Override
    public List<WorkspaceRef> listWorkspaces() {
        String workspaces = prefix + "workspaces/";
        List<WorkspaceRef> refs = new ArrayList<>();
        try {
            for (CommonPrefix child : s3.listObjectsV2Paginator(request -> request.bucket(bucket)
                    .prefix(workspaces).delimiter("/")).commonPrefixes()) {
                String name = child.prefix().substring(workspaces.length(), child.prefix().length() - 1);
                WorkspaceRef.parse(name).ifPresent(refs::add);
            }
        } catch (SdkException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
        return refs;
    }

    @Override
    public List<ListedBlob> listBlobs(WorkspaceRef workspace) {
        String blobs = blobKeyPrefix(workspace);
        List<ListedBlob> listed = new ArrayList<>();
        try {
            // S3 lists only complete objects: multipart uploads in progress are not among them.
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(blobs)).contents()) {
                Sha256.parse(object.key().substring(blobs.length())).ifPresent(sha256 ->
                        listed.add(new ListedBlob(sha256, object.size(), object.lastModified())));
            }
        } catch (SdkException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
        return listed;
    }

    /**
     * Deletes the blob if a HEAD finds it last written before {@code writtenBefore}, judged to the
     * second (HEAD reports whole seconds, so a blob written in the cut-off's own second is kept).
     *
     * <p>Not atomic: a put renewing the blob between the HEAD and the DELETE (a few milliseconds) is
     * lost with it, and the put's publish would then name a missing blob. A conditional delete cannot
     * close that window on S3: {@code If-Match} compares ETags, which a renewal keeps (same bytes),
     * and {@code x-amz-if-match-last-modified-time} is for directory buckets only. The window needs a
     * blob old and unreferenced (only a failed or abandoned publish leaves one) that a new publish
     * stores again at that very moment.
     */
    @Override
    public boolean deleteBlob(WorkspaceRef workspace, Sha256 blob, Instant writtenBefore) {
        String key = blobKey(workspace, blob);
        try {
            Instant lastModified;
            try {
                lastModified = s3.headObject(request -> request.bucket(bucket).key(key)).lastModified();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return false;
                }
                throw e;
            }
            if (!lastModified.isBefore(writtenBefore.truncatedTo(ChronoUnit.SECONDS))) {
                return false;
            }
            s3.deleteObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (SdkException e) {
            throw WorkspaceErrors.storageUnavailable(e);
        }
    }

    @Override
    public boolean isAvailable() {
        try {
            s3.headBucket(request -> request.bucket(bucket)
                    .overrideConfiguration(config -> config.apiCallTimeout(PROBE_TIMEOUT)));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private String blobKey(WorkspaceRef workspace, Sha256 blob) {
        return blobKeyPrefix(workspace) + blob.hex();
    }

    private String blobKeyPrefix(WorkspaceRef workspace) {
        return prefix + "workspaces/" + workspace.value() + "/blobs/";
    }

    private String manifestKey(WorkspaceRef workspace, Revision revision) {
        return prefix + "workspaces/" + workspace.value() + "/manifests/" + revision.value() + ".json";
    }

    /** Parts large enough that the most content allowed fits in S3's 10,000 parts. */
    static int partSize(long maxSize) {
        long needed = maxSize / MAX_PARTS + 1;
        return (int) Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, needed));
    }

    private static Duration transferTimeout(long bytes) {
        return CALL_TIMEOUT.plusSeconds(bytes / MIN_BYTES_PER_SECOND);
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException ignored) {
            // The store already failed; an unfinished upload is invisible and the lifecycle rule reclaims it.
        }
    }

    private void deleteQuietly(String key) {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException ignored) {
            // A leftover temporary object is never read; the lifecycle rule reclaims it.
        }
    }

    private static void discard(ResponseInputStream<GetObjectResponse> response) {
        response.abort();
        try {
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // The response was aborted; there is nothing left to release.
        }
    }

    /** The bytes as a body the SDK can replay on a retry, without the copy {@code fromBytes} makes. */
    private static RequestBody body(byte[] bytes) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes), bytes.length, BLOB_CONTENT_TYPE);
    }

    /**
     * The content being stored, read in parts and hashed and counted as it passes, so that the
     * expectation is enforced before anything is published. A failure reading it is the source's.
     */
    private static final class HashingSource {

        private final InputStream content;
        private final BlobExpectation expectation;
        private final MessageDigest digest = Sha256.newDigest();
        private long size;

        HashingSource(InputStream content, BlobExpectation expectation) {
            this.content = content;
            this.expectation = expectation;
        }

        /** The next {@code length} bytes, fewer only at the end of the content. */
        byte[] read(int length) {
            // One byte past the limit is enough to know the content breaks it: never read further.
            int wanted = (int) Math.min(length - 1, expectation.maxSize() - size) + 1;
            byte[] bytes;
            try {
                bytes = content.readNBytes(wanted);
            } catch (IOException sourceFailed) {
                throw new UncheckedIOException(sourceFailed);
            }
            size += bytes.length;
            if (size > expectation.maxSize()) {
                throw expectation instanceof BlobExpectation.Exactly ? WorkspaceErrors.contentMismatch()
                        : WorkspaceErrors.tooLarge(expectation.maxSize());
            }
            digest.update(bytes);
            return bytes;
        }

        void drain() {
            while (read(DRAIN_CHUNK).length == DRAIN_CHUNK) {
                // Hashing is all there is to do.
            }
        }

        /** The blob the whole content makes, once it is read to its end. */
        StoredBlob finish() {
            Sha256 sha256 = Sha256.fromDigest(digest.digest());
            if (expectation instanceof BlobExpectation.Exactly exactly
                    && (!exactly.sha256().equals(sha256) || exactly.size() != size)) {
                throw WorkspaceErrors.contentMismatch();
            }
            return new StoredBlob(sha256, size);
        }
    }

    /**
     * The body of a GetObject response, at most {@code length} bytes of it. Closing it early aborts
     * the connection, since the pool would otherwise read the rest of a possibly huge body first.
     */
    private static final class ObjectStream extends BoundedInputStream {

        private final ResponseInputStream<GetObjectResponse> response;

        ObjectStream(ResponseInputStream<GetObjectResponse> response, long length) {
            super(response, length);
            this.response = response;
        }

        @Override
        public void close() throws IOException {
            if (remaining() > 0) {
                response.abort();
            }
            super.close();
        }
    }
}
