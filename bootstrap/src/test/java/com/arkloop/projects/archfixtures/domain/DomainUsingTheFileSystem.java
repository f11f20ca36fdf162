package com.arkloop.projects.archfixtures.domain;

import java.nio.file.Path;

public final class DomainUsingTheFileSystem {
    public Path where() {
        return Path.of("/tmp");
    }
}
