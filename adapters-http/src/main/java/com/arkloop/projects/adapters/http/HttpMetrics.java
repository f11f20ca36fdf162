package com.arkloop.projects.adapters.http;

import java.time.Duration;

/**
 * Where the server reports every request it answered, and the text {@code GET /metrics} serves. The
 * composition root implements it (with Micrometer), so this adapter carries no metrics library.
 */
public interface HttpMetrics {

    /**
     * One answered request.
     *
     * @param route the matched route template (e.g. {@code /v1/projects/{project_id}}), or
     *              {@code unmatched}, so that ids never become label values
     */
    void recordRequest(String method, String route, int status, Duration elapsed);

    /** The current figures in the Prometheus text exposition format (version 0.0.4). */
    String scrape();
}
