package com.arkloop.projects.archfixtures.application;

import org.slf4j.LoggerFactory;

public final class UseCaseUsingAFramework {
    public void run() {
        LoggerFactory.getLogger(UseCaseUsingAFramework.class).info("a framework in the application layer");
    }
}
