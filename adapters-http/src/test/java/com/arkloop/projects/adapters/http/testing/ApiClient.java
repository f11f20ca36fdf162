package com.arkloop.projects.adapters.http.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Sends requests to a running server. {@code token} may be null (no Authorization header); {@code path}
 * is sent as given, so it can carry malformed ids or query strings.
 */
public final class ApiClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public ApiResponse get(String path, String token) {
        return send("GET", path, token, null);
    }

    public ApiResponse post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    public ApiResponse patch(String path, String token, String json) {
        return send("PATCH", path, token, json);
    }

    public ApiResponse put(String path, String token) {
        return send("PUT", path, token, null);
    }

    public ApiResponse delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** A JSON request ({@code Content-Type: application/json} when there is a body). */
    public ApiResponse send(String method, String path, String token, String json) {
        return send(method, path, json == null ? Map.of() : Map.of("Content-Type", "application/json"),
                token == null ? null : "Bearer " + token, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** Full control: any headers, any Authorization value (null for none), any body bytes (null for none). */
    public ApiResponse send(String method, String path, Map<String, String> headers, String authorization, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
