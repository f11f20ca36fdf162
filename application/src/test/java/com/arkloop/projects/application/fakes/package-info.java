/**
 * In-memory fakes of the driven ports, shipped in the test-jar. Each passes the same contract suite
 * as the real adapter, so tests that use them say something about production.
 */
package com.arkloop.projects.application.fakes;
