package com.arkloop.projects.bootstrap;

/** The configuration is unusable; the message says which setting and why, and the server does not start. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
