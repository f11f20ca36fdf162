/**
 * The workspace read use cases (the caller's default workspace, directory listings, file reads) and
 * the bounded cache of directory indexes, one per (workspace, revision), that makes listings cheap.
 */
package com.arkloop.projects.application.workspace;
