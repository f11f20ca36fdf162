/**
 * A reusable HTTP test harness, shipped in the adapters-http test-jar: start the real server on a free
 * port with any wiring of the use cases (in-memory fakes here, PostgreSQL end to end), call it with
 * {@link java.net.http.HttpClient}, read JSON answers, and authenticate with readable test tokens.
 */
package com.arkloop.projects.adapters.http.testing;
