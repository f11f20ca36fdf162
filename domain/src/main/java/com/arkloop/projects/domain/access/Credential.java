package com.arkloop.projects.domain.access;

/** How a caller proved who they are. Some actions (minting API keys) need a user's own token. */
public enum Credential {
    /** A token issued to the user by the identity provider (a JWT). */
    USER_TOKEN,
    /** An API key the user created here. */
    API_KEY
}
