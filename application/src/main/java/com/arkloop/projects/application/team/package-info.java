/** Use cases on teams and their members. */
package com.arkloop.projects.application.team;
