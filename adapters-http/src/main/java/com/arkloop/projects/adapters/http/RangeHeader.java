package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.workspace.ByteRange;
import com.arkloop.projects.domain.workspace.WorkspaceErrors;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range asked for with {@code Range} (RFC 9110 §14.2): {@code bytes=a-b}, {@code bytes=a-} or
 * {@code bytes=-n}. Anything else (another unit, several ranges, a repeated header, {@code a > b},
 * garbage) is not a range request, and the whole file is served, as the RFC lets a server do.
 *
 * @param first the first byte asked for, or -1 for a suffix range
 * @param last  the last byte asked for, -1 when open-ended; for a suffix range, the suffix length
 */
record RangeHeader(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("(?i:bytes)=[ \\t]*(?:([0-9]+)-([0-9]*)|-([0-9]+))[ \\t]*");
    /** More digits than fit a long; any such position lies past the end of every file. */
    private static final int MAX_DIGITS = 18;

    /** The single range the header values ask for; empty when there is none to honour. */
    static Optional<RangeHeader> parse(List<String> values) {
        if (values.size() != 1) {
            return Optional.empty();
        }
        Matcher matcher = SINGLE.matcher(values.getFirst().strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        if (matcher.group(3) != null) {
            return Optional.of(new RangeHeader(-1, number(matcher.group(3))));
        }
        long first = number(matcher.group(1));
        long last = matcher.group(2).isEmpty() ? -1 : number(matcher.group(2));
        return last >= 0 && last < first ? Optional.empty() : Optional.of(new RangeHeader(first, last));
    }

    /**
     * The bytes of a file of {@code size} bytes this range covers, cut short at its end.
     *
     * @throws com.arkloop.projects.domain.DomainException {@code workspace_files.range_not_satisfiable}
     *         when it covers none: it starts at or past the end, or is an empty suffix, or the file is empty
     */
    ByteRange within(long size) {
        if (first < 0) {
            if (last == 0 || size == 0) {
                throw WorkspaceErrors.rangeNotSatisfiable(size);
            }
            long length = Math.min(last, size);
            return new ByteRange(size - length, length);
        }
        if (first >= size) {
            throw WorkspaceErrors.rangeNotSatisfiable(size);
        }
        long end = last < 0 ? size - 1 : Math.min(last, size - 1);
        return new ByteRange(first, end - first + 1);
    }

    private static long number(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(significant);
    }
}
