/**
 * The composition root: reads the configuration, starts the embedded defaults when nothing external
 * is configured, wires every adapter to the use cases by hand, and owns {@code main}.
 */
package com.arkloop.projects.bootstrap;
