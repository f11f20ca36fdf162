/**
 * API keys: long-lived bearer credentials of a user, narrowed to a set of scopes, stored only as the
 * SHA-256 of their plaintext; and the port that stores them.
 */
package com.arkloop.projects.domain.apikey;
