/**
 * The workspace use cases: reading (the caller's default workspace, directory listings, file reads,
 * at the latest or an older revision, through a bounded cache of directory indexes), writing
 * (publishing revisions, their history, sessions) and collecting the blobs no revision names.
 */
package com.arkloop.projects.application.workspace;
