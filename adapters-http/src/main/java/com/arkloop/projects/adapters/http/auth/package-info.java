/**
 * Who is calling: the {@code Authorization: Bearer} header is parsed here and the token handed to a
 * {@link com.arkloop.projects.adapters.http.auth.TokenAuthenticator} (JWT or API key) that yields the actor.
 */
package com.arkloop.projects.adapters.http.auth;
