package com.arkloop.projects.domain.workspace;

import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.project.ProjectId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A workspace's public name: {@code wsref_} + 32 lowercase hex characters, derived from org, user and
 * project, so the same caller always lands in the same workspace. Safe as a file or object name.
 */
public record WorkspaceRef(String value) {

    private static final Pattern FORMAT = Pattern.compile("wsref_[0-9a-f]{32}");

    public WorkspaceRef {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a workspace ref is wsref_ and 32 lowercase hex characters");
        }
    }

    /** The ref the text names, or empty when it is not one (a workspace that cannot exist). */
    public static Optional<WorkspaceRef> parse(String text) {
        return text != null && FORMAT.matcher(text).matches() ? Optional.of(new WorkspaceRef(text)) : Optional.empty();
    }

    /** The default workspace of the user in the project. */
    public static WorkspaceRef derive(OrgId orgId, UserId userId, ProjectId projectId) {
        return derive(orgId, ProfileRef.derive(orgId, userId), projectId);
    }

    /** {@code "wsref_" + hex(sha256("workspace|" + org + "|" + profile_ref + "|project|" + project))[0:32]}. */
    public static WorkspaceRef derive(OrgId orgId, ProfileRef profileRef, ProjectId projectId) {
        return new WorkspaceRef("wsref_" + ProfileRef.truncatedHash(
                "workspace|" + orgId + "|" + profileRef + "|project|" + projectId));
    }

    @Override
    public String toString() {
        return value;
    }
}
