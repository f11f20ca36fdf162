package com.arkloop.projects.domain.workspace;

import java.util.Arrays;
import java.util.Optional;

/** What a manifest entry is. */
public enum EntryType {
    FILE("file"),
    DIRECTORY("dir"),
    SYMLINK("symlink");

    private final String wireName;

    EntryType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in manifests and listings: {@code file}, {@code dir} or {@code symlink}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<EntryType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
