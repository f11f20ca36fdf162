/** Teams of an organisation and their members, and the port that stores them. */
package com.arkloop.projects.domain.team;
