/**
 * Projects: the {@link com.arkloop.projects.domain.project.Project} aggregate, who may see and manage
 * one, and the port that stores them.
 */
package com.arkloop.projects.domain.project;
