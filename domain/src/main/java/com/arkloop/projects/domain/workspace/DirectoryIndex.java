package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.DomainException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The listing view of one manifest, built once (revisions are immutable, so it can be cached and
 * shared between threads). Each directory holds its children as a sorted array, directories first
 * and then everything else, each group in byte order of the name; a page is a binary search for the
 * cursor plus a copy of the page, so its cost does not depend on the size of the manifest.
 *
 * <p>A cursor is the base64url of the last item's group and name: it stays meaningful even if the
 * client sends it with another revision, where an array offset would silently skip or repeat items.
 */
public final class DirectoryIndex {

    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    private static final DirectoryItem[] NO_ITEMS = {};
    private static final Comparator<DirectoryItem> LISTING_ORDER =
            Comparator.comparingInt((DirectoryItem item) -> group(item.type()))
                    .thenComparing(DirectoryItem::name, Utf8.BYTE_ORDER);
    // A name is at most 255 bytes; its base64 with the group byte fits in 344 characters.
    private static final int MAX_CURSOR_CHARS = 344;

    private final Map<String, DirectoryItem[]> children;
    private final Map<String, ManifestEntry> files;
    private final int entryCount;

    private DirectoryIndex(Map<String, DirectoryItem[]> children, Map<String, ManifestEntry> files, int entryCount) {
        this.children = children;
        this.files = files;
        this.entryCount = entryCount;
    }

    public static DirectoryIndex of(Manifest manifest) {
        Map<String, Map<String, DirectoryItem>> byDirectory = new HashMap<>();
        Map<String, ManifestEntry> files = new HashMap<>();
        for (ManifestEntry entry : manifest.entries()) {
            WorkspacePath parent = entry.path().parent().orElseThrow();
            // An explicit directory entry replaces the implied one, which has no mtime.
            byDirectory.computeIfAbsent(parent.value(), key -> new LinkedHashMap<>())
                    .put(entry.path().name(), DirectoryItem.of(entry));
            addImpliedAncestors(byDirectory, parent);
            if (entry.type() == EntryType.FILE) {
                files.put(entry.path().value(), entry);
            }
        }
        Map<String, DirectoryItem[]> children = new HashMap<>(byDirectory.size() * 2);
        byDirectory.forEach((directory, items) -> {
            DirectoryItem[] sorted = items.values().toArray(NO_ITEMS);
            Arrays.sort(sorted, LISTING_ORDER);
            children.put(directory, sorted);
        });
        return new DirectoryIndex(children, files, manifest.entries().size());
    }

    private static void addImpliedAncestors(Map<String, Map<String, DirectoryItem>> byDirectory, WorkspacePath directory) {
        WorkspacePath current = directory;
        while (!current.isRoot()) {
            WorkspacePath parent = current.parent().orElseThrow();
            Map<String, DirectoryItem> siblings = byDirectory.computeIfAbsent(parent.value(), key -> new LinkedHashMap<>());
            if (siblings.putIfAbsent(current.name(), DirectoryItem.impliedDirectory(current)) != null) {
                return; // this ancestor, and so all above it, is already known
            }
            current = parent;
        }
    }

    /**
     * Up to {@code limit} (1–10000) children of the directory after the cursor. A path that does not
     * exist or is not a directory lists as empty.
     *
     * @throws DomainException {@code validation.error} naming {@code limit} or {@code cursor}
     */
    public DirectoryPage list(WorkspacePath directory, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Optional<DirectoryItem> after = cursor.map(DirectoryIndex::decodeCursor);
        DirectoryItem[] items = children.getOrDefault(directory.value(), NO_ITEMS);
        int start = after.map(position -> firstAfter(items, position)).orElse(0);
        int end = (int) Math.min((long) start + limit, items.length);
        return new DirectoryPage(Arrays.asList(items).subList(start, end), end < items.length ? Optional.of(encodeCursor(items[end - 1])) : Optional.empty());
    }

    /** The file at that path; empty when nothing is there or it is a directory or a symlink. */
    public Optional<ManifestEntry> lookupFile(WorkspacePath path) {
        return Optional.ofNullable(files.get(path.value()));
    }

    /** How many entries the manifest had: what the index costs to keep. */
    public int entryCount() {
        return entryCount;
    }

    private static int firstAfter(DirectoryItem[] items, DirectoryItem position) {
        int low = 0;
        int high = items.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (LISTING_ORDER.compare(items[middle], position) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int group(EntryType type) {
        return type == EntryType.DIRECTORY ? 0 : 1;
    }

    private static String encodeCursor(DirectoryItem last) {
        String text = (group(last.type()) == 0 ? "d" : "f") + last.name();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static DirectoryItem decodeCursor(String token) {
        if (token.length() > MAX_CURSOR_CHARS) {
            throw badCursor();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException notBase64) {
            throw badCursor();
        }
        String text = Utf8.decodeStrictly(ByteBuffer.wrap(bytes)).orElseThrow(DirectoryIndex::badCursor);
        if (text.length() < 2 || (text.charAt(0) != 'd' && text.charAt(0) != 'f')) {
            throw badCursor();
        }
        WorkspacePath position;
        try {
            position = WorkspacePath.ROOT.child(text.substring(1));
        } catch (DomainException notAName) {
            throw badCursor();
        }
        // Only the group and the name take part in the comparison.
        return text.charAt(0) == 'd' ? DirectoryItem.impliedDirectory(position)
                : new DirectoryItem(position, EntryType.FILE, OptionalLong.empty(),
                        OptionalLong.empty(), Optional.empty());
    }

    private static DomainException badCursor() {
        return DomainException.invalidParameter("cursor", "is not a valid cursor");
    }
}
