package com.arkloop.projects.domain.project;

import com.arkloop.projects.domain.DomainException;
import com.arkloop.projects.domain.ErrorCode;
import com.arkloop.projects.domain.OrgId;
import com.arkloop.projects.domain.UserId;
import com.arkloop.projects.domain.access.Actor;
import com.arkloop.projects.domain.team.TeamId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A project of an organisation, owned by the user who created it. Immutable: changes return a new
 * instance. A deleted project is kept (soft delete) but is visible to nobody.
 */
public final class Project {

    private final ProjectId id;
    private final OrgId orgId;
    private final UserId ownerUserId;
    private final ProjectDetails details;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Optional<Instant> deletedAt;

    private Project(ProjectId id, OrgId orgId, UserId ownerUserId, ProjectDetails details, Instant createdAt,
                    Instant updatedAt, Optional<Instant> deletedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.orgId = Objects.requireNonNull(orgId, "orgId");
        this.ownerUserId = Objects.requireNonNull(ownerUserId, "ownerUserId");
        this.details = Objects.requireNonNull(details, "details");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.deletedAt = Objects.requireNonNull(deletedAt, "deletedAt");
    }

    /** A new project owned by the actor, in the actor's organisation. */
    public static Project create(ProjectId id, Actor owner, ProjectDetails details, Instant now) {
        return new Project(id, owner.orgId(), owner.userId(), details, now, now, Optional.empty());
    }

    /** A project as it was stored. */
    public static Project restore(ProjectId id, OrgId orgId, UserId ownerUserId, ProjectDetails details,
                                  Instant createdAt, Instant updatedAt, Optional<Instant> deletedAt) {
        return new Project(id, orgId, ownerUserId, details, createdAt, updatedAt, deletedAt);
    }

    /**
     * The visibility rule: same org and not deleted, and the actor owns it or is an org admin, or it is
     * shared with the whole org, or shared with a team the actor belongs to.
     *
     * @param actorTeams the teams of the actor's org the actor is a member of
     */
    public boolean isVisibleTo(Actor actor, Set<TeamId> actorTeams) {
        return isVisibleTo(actor, actorTeams::contains);
    }

    /**
     * The same rule, asking about the actor's membership only when it decides the answer (a project
     * shared with a team, seen by someone who neither owns it nor administers the org), so that the
     * common cases cost no membership lookup.
     */
    public boolean isVisibleTo(Actor actor, Predicate<TeamId> actorIsMemberOf) {
        if (deletedAt.isPresent() || !orgId.equals(actor.orgId())) {
            return false;
        }
        if (isOwnedBy(actor) || actor.isOrgAdmin()) {
            return true;
        }
        return details.visibility() == Visibility.SHARED
                && details.teamId().map(actorIsMemberOf::test).orElse(true);
    }

    /** Only the owner or an org admin may change or delete a project they can see. */
    public void requireManageableBy(Actor actor) {
        if (!isOwnedBy(actor) && !actor.isOrgAdmin()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "only the owner or an org admin may change this project");
        }
    }

    private boolean isOwnedBy(Actor actor) {
        return ownerUserId.equals(actor.userId()) && orgId.equals(actor.orgId());
    }

    public Project update(ProjectChanges changes, Instant now) {
        return new Project(id, orgId, ownerUserId, details.apply(changes), createdAt, now, deletedAt);
    }

    public Project delete(Instant now) {
        return new Project(id, orgId, ownerUserId, details, createdAt, now, Optional.of(now));
    }

    public ProjectId id() {
        return id;
    }

    public OrgId orgId() {
        return orgId;
    }

    public UserId ownerUserId() {
        return ownerUserId;
    }

    public ProjectDetails details() {
        return details;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<Instant> deletedAt() {
        return deletedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Project that
                && id.equals(that.id) && orgId.equals(that.orgId) && ownerUserId.equals(that.ownerUserId)
                && details.equals(that.details) && createdAt.equals(that.createdAt)
                && updatedAt.equals(that.updatedAt) && deletedAt.equals(that.deletedAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Project[" + id + ", org " + orgId + ", " + details.name() + "]";
    }
}
