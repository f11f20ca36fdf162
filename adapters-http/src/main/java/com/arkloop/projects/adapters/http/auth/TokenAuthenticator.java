package com.arkloop.projects.adapters.http.auth;
/** Turns a bearer token into the caller. Throws DomainException with an auth.* ErrorCode when it cannot. */
@FunctionalInterface
public interface TokenAuthenticator { com.arkloop.projects.domain.access.Actor authenticate(String token); }
