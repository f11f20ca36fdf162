package com.arkloop.projects.adapters.http;

import java.util.List;

/**
 * Entity tags of workspace files: the blob's SHA-256 in quotes, a strong tag (the same bytes, and only
 * they, have the same tag), and the two preconditions that read them.
 */
final class EntityTags {

    private EntityTags() {
    }

    /** {@code "<sha256 hex>"}. */
    static String of(String sha256Hex) {
        return '"' + sha256Hex + '"';
    }

    /**
     * Whether {@code If-None-Match} (all its header lines) matches the current tag: {@code *}, or any
     * tag of the list by the weak comparison RFC 9110 §13.1.2 prescribes for it ({@code W/"x"}
     * matches {@code "x"}). A malformed list matches only through the tags read before the fault.
     */
    static boolean noneMatchHits(List<String> headerValues, String currentTag) {
        String opaque = currentTag.substring(1, currentTag.length() - 1);
        for (String value : headerValues) {
            if (value.strip().equals("*")) {
                return true;
            }
            int i = 0;
            int n = value.length();
            while (i < n) {
                char c = value.charAt(i);
                if (c == ' ' || c == '\t' || c == ',') {
                    i++;
                    continue;
                }
                if (value.startsWith("W/", i)) {
                    i += 2;
                }
                if (i >= n || value.charAt(i) != '"') {
                    break;
                }
                int close = value.indexOf('"', i + 1);
                if (close < 0) {
                    break;
                }
                if (value.substring(i + 1, close).equals(opaque)) {
                    return true;
                }
                i = close + 1;
            }
        }
        return false;
    }

    /**
     * Whether a range request may be honoured under {@code If-Range}: when there is none, or when it
     * is exactly the current (strong) tag. A date never validates: files are served without
     * {@code Last-Modified}.
     */
    static boolean ifRangeAllows(List<String> headerValues, String currentTag) {
        return headerValues.isEmpty() || headerValues.size() == 1 && headerValues.getFirst().strip().equals(currentTag);
    }
}
