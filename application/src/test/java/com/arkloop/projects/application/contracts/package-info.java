/**
 * Contract suites of the driven ports: abstract tests that the in-memory fakes and the real adapters
 * both extend, so the fakes the use-case tests rely on behave like production.
 */
package com.arkloop.projects.application.contracts;
