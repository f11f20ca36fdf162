/** Use-case support for workspaces: the bounded cache of directory indexes, one per (workspace, revision). */
package com.arkloop.projects.application.workspace;
