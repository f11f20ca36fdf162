package com.arkloop.projects.adapters.http.testing;

import com.arkloop.projects.adapters.http.ApiDependencies;
import com.arkloop.projects.adapters.http.HttpApi;
import io.javalin.Javalin;
import java.net.URI;

/**
 * The real server on 127.0.0.1 and a free port, with a client pointed at it. Close it to stop the server.
 * <pre>{@code
 * try (ApiServer server = ApiServer.start(UseCaseWiring.inMemory())) {
 *     ApiResponse created = server.client().post("/v1/projects", token, "{\"name\":\"x\"}");
 * }
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {

    private final Javalin javalin;
    private final ApiClient client;

    private ApiServer(Javalin javalin) {
        this.javalin = javalin;
        this.client = new ApiClient(URI.create("http://127.0.0.1:" + javalin.port()));
    }

    public static ApiServer start(ApiDependencies dependencies) {
        return start(HttpApi.create(dependencies));
    }

    /** Starts a server built elsewhere (e.g. by the composition root). */
    public static ApiServer start(Javalin unstarted) {
        return new ApiServer(unstarted.start("127.0.0.1", 0));
    }

    public ApiClient client() {
        return client;
    }

    public Javalin javalin() {
        return javalin;
    }

    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
