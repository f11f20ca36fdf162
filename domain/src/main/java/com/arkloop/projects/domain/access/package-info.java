/**
 * Who is calling and what they may do: roles, permissions and the authenticated {@link
 * com.arkloop.projects.domain.access.Actor}, independent of how the caller proved who they are.
 */
package com.arkloop.projects.domain.access;
