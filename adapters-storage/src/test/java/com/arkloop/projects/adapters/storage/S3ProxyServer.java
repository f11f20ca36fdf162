package com.arkloop.projects.adapters.storage;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server in this JVM (s3proxy, in memory) on 127.0.0.1 and a free port, with one
 * bucket, and a client of its own to look behind the store's back.
 */
final class S3ProxyServer implements AutoCloseable {

    static final String BUCKET = "arkloop-test";
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client admin;

    private S3ProxyServer(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
        this.admin = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    static S3ProxyServer start() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.identity", ACCESS_KEY);
        properties.setProperty("jclouds.credential", SECRET_KEY);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("transient-nio2", properties))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        S3ProxyServer server = new S3ProxyServer(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
        server.admin.createBucket(request -> request.bucket(BUCKET));
        return server;
    }

    S3Settings settings(String prefix) {
        return new S3Settings(Optional.of(endpoint), "us-east-1", BUCKET, prefix, Optional.of(ACCESS_KEY),
                Optional.of(SECRET_KEY));
    }

    S3Client admin() {
        return admin;
    }

    List<String> keys(String prefix) {
        return admin.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    List<String> unfinishedUploads(String prefix) {
        return admin.listMultipartUploads(request -> request.bucket(BUCKET).prefix(prefix)).uploads().stream()
                .map(MultipartUpload::key).toList();
    }

    void stop() throws Exception {
        proxy.stop();
    }

    @Override
    public void close() throws Exception {
        admin.close();
        stop();
    }
}
