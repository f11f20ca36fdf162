/** Use cases on projects: create, list, get, update and delete, each under the visibility rule. */
package com.arkloop.projects.application.project;
