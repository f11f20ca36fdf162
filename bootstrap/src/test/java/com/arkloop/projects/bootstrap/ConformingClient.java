package com.arkloop.projects.bootstrap;

import com.arkloop.projects.adapters.http.testing.ApiClient;
import com.arkloop.projects.adapters.http.testing.ApiResponse;
import com.arkloop.projects.adapters.http.testing.OpenApiContract;
import java.nio.charset.StandardCharsets;

/** A client whose every exchange must conform to the server's own OpenAPI document. */
final class ConformingClient {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private final ApiClient client;

    ConformingClient(ApiClient client) {
        this.client = client;
    }

    ApiResponse send(String method, String target, String token, String json) {
        ApiResponse response = client.send(method, target, token, json);
        OpenApiContract.RecordedRequest request = OpenApiContract.request(method, target);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request = request.header("Content-Type", "application/json").body(json.getBytes(StandardCharsets.UTF_8));
        }
        CONTRACT.assertConforms(request, OpenApiContract.response(response.status(), response.headers().map(), response.body()));
        return response;
    }

    ApiResponse get(String target, String token) {
        return send("GET", target, token, null);
    }

    ApiResponse post(String target, String token, String json) {
        return send("POST", target, token, json);
    }

    ApiResponse patch(String target, String token, String json) {
        return send("PATCH", target, token, json);
    }

    ApiResponse put(String target, String token) {
        return send("PUT", target, token, null);
    }

    ApiResponse delete(String target, String token) {
        return send("DELETE", target, token, null);
    }
}
