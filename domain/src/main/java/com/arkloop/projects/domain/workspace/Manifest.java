package com.arkloop.projects.domain.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entries of one revision, sorted by path in byte order. Paths are unique and nothing lives
 * below a file or a symlink. Directories need no entry of their own: deeper entries imply them.
 */
public record Manifest(List<ManifestEntry> entries) {

    public static final Manifest EMPTY = new Manifest(List.of());

    private static final Comparator<ManifestEntry> BY_PATH =
            Comparator.comparing(entry -> entry.path().value(), Utf8.BYTE_ORDER);

    public Manifest {
        Objects.requireNonNull(entries, "entries");
        List<ManifestEntry> sorted = new ArrayList<>(entries);
        sorted.sort(BY_PATH);
        Map<String, EntryType> types = new HashMap<>(sorted.size() * 2);
        for (ManifestEntry entry : sorted) {
            if (types.put(entry.path().value(), entry.type()) != null) {
                throw new IllegalArgumentException("duplicate manifest path");
            }
        }
        for (ManifestEntry entry : sorted) {
            String path = entry.path().value();
            for (int slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
                EntryType ancestor = types.get(path.substring(0, slash));
                if (ancestor != null && ancestor != EntryType.DIRECTORY) {
                    throw new IllegalArgumentException("a manifest entry lies below a file or symlink");
                }
            }
        }
        entries = List.copyOf(sorted);
    }
}
