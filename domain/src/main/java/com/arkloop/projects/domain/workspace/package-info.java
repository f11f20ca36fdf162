/**
 * Workspaces: per-user working copies of a project stored as immutable revisions (a manifest plus
 * content-addressed blobs), the path rules that keep every lookup inside them, listing and sessions,
 * and the driven ports that store them.
 */
package com.arkloop.projects.domain.workspace;
