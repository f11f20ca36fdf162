package com.arkloop.projects.adapters.http;

import com.arkloop.projects.domain.DomainException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The base revision of a write: {@code If-Match: "<revision>"} or {@code ?base_revision=<revision>}.
 * <ul>
 *   <li>{@code If-Match} holds one entity tag: the revision in quotes (a bare revision is accepted
 *       too). {@code *} asks for no particular revision (the workspace always exists), so the write
 *       applies to whatever is current. A weak tag ({@code W/"…"}), a list, an empty or a repeated
 *       header are 400 {@code validation.error} naming {@code If-Match}.</li>
 *   <li>{@code base_revision} is decoded once; repeated or badly encoded, it is 400 naming it.</li>
 *   <li>Both may be given if they agree; if they differ, 400 naming {@code base_revision}.</li>
 * </ul>
 * These are checked before the use case runs, like a malformed query elsewhere (ADR 0002): they say
 * nothing about the project. Text that is no revision id is a base that is never current: 409.
 */
final class BaseRevision {

    static final String QUERY = "base_revision";
    static final String HEADER = "If-Match";

    private BaseRevision() {
    }

    static Optional<String> of(Context ctx, WorkspaceQuery query) {
        Optional<String> fromHeader = fromIfMatch(Collections.list(ctx.req().getHeaders(HEADER)));
        Optional<String> fromQuery = fromQuery(query.rawValues(QUERY));
        if (fromHeader.isPresent() && fromQuery.isPresent() && !fromHeader.equals(fromQuery)) {
            throw DomainException.invalidParameter(QUERY, "must be the revision If-Match names, when both are given");
        }
        return fromHeader.isPresent() ? fromHeader : fromQuery;
    }

    static Optional<String> fromIfMatch(List<String> headers) {
        if (headers.isEmpty()) {
            return Optional.empty();
        }
        if (headers.size() > 1) {
            throw badIfMatch();
        }
        List<String> tags = new ArrayList<>();
        for (String tag : headers.getFirst().split(",", -1)) {
            tags.add(tag.strip());
        }
        if (tags.size() != 1) {
            throw badIfMatch();
        }
        String tag = tags.getFirst();
        if (tag.equals("*")) {
            return Optional.empty();
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            String inner = tag.substring(1, tag.length() - 1);
            if (!inner.isEmpty() && inner.indexOf('"') < 0) {
                return Optional.of(inner);
            }
        } else if (!tag.isEmpty() && tag.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '/')) {
            return Optional.of(tag);
        }
        throw badIfMatch();
    }

    private static Optional<String> fromQuery(List<String> raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        if (raw.size() > 1) {
            throw DomainException.invalidParameter(QUERY, "must not be repeated");
        }
        String value = WorkspaceQuery.decode(raw.getFirst())
                .orElseThrow(() -> DomainException.invalidParameter(QUERY, "is not valid percent-encoding"));
        if (value.isEmpty()) {
            throw DomainException.invalidParameter(QUERY, "must not be empty");
        }
        return Optional.of(value);
    }

    private static DomainException badIfMatch() {
        return DomainException.invalidParameter(HEADER, "must be one revision in quotes, or *");
    }
}
