package com.arkloop.projects.adapters.persistence;

/**
 * A snapshot of the connection pool, for metrics.
 *
 * @param pending threads waiting for a connection right now
 */
public record PoolStats(int active, int idle, int total, int pending, int maximum) {
}
