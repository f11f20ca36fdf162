/**
 * The shared vocabulary of the domain: identifiers of organisations and users, the catalogue of
 * error codes, and the one exception type that carries them.
 */
package com.arkloop.projects.domain;
