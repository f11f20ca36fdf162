/**
 * In-memory fakes of the driven ports, shipped in the test-jar. Each passes the same contract suite
 * as the real adapter, so tests that use them say something about production. {@code DelegatingBlobStore}
 * wraps any store for a test to override the one call it wants to observe or break.
 */
package com.arkloop.projects.application.fakes;
