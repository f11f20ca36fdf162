package com.arkloop.projects.application;

import com.arkloop.projects.application.apikey.ApiKeyUseCases;
import com.arkloop.projects.application.apikey.AuthenticateApiKey;
import com.arkloop.projects.application.apikey.CreateApiKey;
import com.arkloop.projects.application.apikey.FlushApiKeyUsage;
import com.arkloop.projects.application.apikey.ListApiKeys;
import com.arkloop.projects.application.apikey.RevokeApiKey;
import com.arkloop.projects.application.project.CreateProject;
import com.arkloop.projects.application.project.DeleteProject;
import com.arkloop.projects.application.project.GetProject;
import com.arkloop.projects.application.project.ListProjects;
import com.arkloop.projects.application.project.TeamCheck;
import com.arkloop.projects.application.project.UpdateProject;
import com.arkloop.projects.application.project.VisibleProjects;
import com.arkloop.projects.application.team.AddTeamMember;
import com.arkloop.projects.application.team.CreateTeam;
import com.arkloop.projects.application.team.DeleteTeam;
import com.arkloop.projects.application.team.ListTeamMembers;
import com.arkloop.projects.application.team.ListTeams;
import com.arkloop.projects.application.team.RemoveTeamMember;
import com.arkloop.projects.application.workspace.ChangeSessionState;
import com.arkloop.projects.application.workspace.CloseSession;
import com.arkloop.projects.application.workspace.CollectGarbage;
import com.arkloop.projects.application.workspace.DirectoryIndexCache;
import com.arkloop.projects.application.workspace.GetWorkspace;
import com.arkloop.projects.application.workspace.ListRevisions;
import com.arkloop.projects.application.workspace.ListWorkspaceFiles;
import com.arkloop.projects.application.workspace.OpenSession;
import com.arkloop.projects.application.workspace.PublishRevision;
import com.arkloop.projects.application.workspace.ReadWorkspaceFile;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.RevisionLog;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Every use case, wired once to the driven ports given. The one object an embedding service builds
 * (with the adapters it chose), and what the HTTP adapter and the tests call.
 */
public final class ArkloopProjects {

    /**
     * The driven ports: storage for projects, teams, workspaces and sessions, blobs, transactions, API
     * keys, and each workspace's revision history.
     */
    public record Ports(ProjectRepository projects, TeamRepository teams, WorkspaceRepository workspaces,
                        SessionRepository sessions, BlobStore blobs, Transactions transactions,
                        ApiKeyRepository apiKeys, RevisionLog revisions) {
        public Ports {
            Objects.requireNonNull(projects, "projects");
            Objects.requireNonNull(teams, "teams");
            Objects.requireNonNull(workspaces, "workspaces");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(blobs, "blobs");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(apiKeys, "apiKeys");
            Objects.requireNonNull(revisions, "revisions");
        }
    }

    /**
     * @param clock             the time source of every timestamp
     * @param ids               new project and team ids
     * @param indexCacheEntries how many manifest entries the directory-index cache may hold in memory
     * @param publishLimits     the caps of a publish: archive entries, archive file bytes, duration
     * @param garbageGrace      how old an unreferenced blob must be before {@link CollectGarbage} deletes
     *                          it; must exceed {@code publishLimits.maxDuration()}
     */
    public record Options(Clock clock, IdGenerator ids, long indexCacheEntries, PublishRevision.Limits publishLimits,
                          Duration garbageGrace) {
        public static final long DEFAULT_INDEX_CACHE_ENTRIES = 2_000_000;

        public Options {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ids, "ids");
            Objects.requireNonNull(publishLimits, "publishLimits");
            Objects.requireNonNull(garbageGrace, "garbageGrace");
            if (garbageGrace.compareTo(publishLimits.maxDuration()) <= 0) {
                throw new IllegalArgumentException("garbageGrace must exceed publishLimits.maxDuration");
            }
        }

        /** The default publish limits ({@link PublishRevision.Limits#DEFAULT}) and grace period ({@link CollectGarbage#DEFAULT_GRACE}). */
        public Options(Clock clock, IdGenerator ids, long indexCacheEntries) {
            this(clock, ids, indexCacheEntries, PublishRevision.Limits.DEFAULT, CollectGarbage.DEFAULT_GRACE);
        }

        public static Options defaults() {
            return new Options(Clock.systemUTC(), IdGenerator.random(), DEFAULT_INDEX_CACHE_ENTRIES);
        }

        /** These options with other publish limits. */
        public Options withPublishLimits(PublishRevision.Limits limits) {
            return new Options(clock, ids, indexCacheEntries, limits, garbageGrace);
        }
    }

    private final CreateProject createProject;
    private final ListProjects listProjects;
    private final GetProject getProject;
    private final UpdateProject updateProject;
    private final DeleteProject deleteProject;
    private final CreateTeam createTeam;
    private final ListTeams listTeams;
    private final DeleteTeam deleteTeam;
    private final AddTeamMember addTeamMember;
    private final RemoveTeamMember removeTeamMember;
    private final ListTeamMembers listTeamMembers;
    private final GetWorkspace getWorkspace;
    private final ListWorkspaceFiles listWorkspaceFiles;
    private final ReadWorkspaceFile readWorkspaceFile;
    private final PublishRevision publishRevision;
    private final PublishRevision.Limits publishLimits;
    private final ListRevisions listRevisions;
    private final OpenSession openSession;
    private final ChangeSessionState changeSessionState;
    private final CloseSession closeSession;
    private final CollectGarbage collectGarbage;
    private final ApiKeyUseCases apiKeys;

    public ArkloopProjects(Ports ports, Options options) {
        Clock clock = options.clock();
        Transactions tx = ports.transactions();
        VisibleProjects visible = new VisibleProjects(ports.projects(), ports.teams());
        TeamCheck teamCheck = new TeamCheck(ports.teams());
        DirectoryIndexCache indexes = new DirectoryIndexCache(ports.blobs(), options.indexCacheEntries());

        createProject = new CreateProject(ports.projects(), teamCheck, tx, clock, options.ids());
        listProjects = new ListProjects(ports.projects(), tx);
        getProject = new GetProject(visible, tx);
        updateProject = new UpdateProject(ports.projects(), visible, teamCheck, tx, clock);
        deleteProject = new DeleteProject(ports.projects(), visible, tx, clock);

        createTeam = new CreateTeam(ports.teams(), tx, clock, options.ids());
        listTeams = new ListTeams(ports.teams(), tx);
        deleteTeam = new DeleteTeam(ports.teams(), ports.projects(), tx, clock);
        addTeamMember = new AddTeamMember(ports.teams(), tx, clock);
        removeTeamMember = new RemoveTeamMember(ports.teams(), tx);
        listTeamMembers = new ListTeamMembers(ports.teams(), tx);

        getWorkspace = new GetWorkspace(visible, ports.workspaces(), ports.sessions(), ports.blobs(), tx, clock);
        listWorkspaceFiles = new ListWorkspaceFiles(visible, ports.workspaces(), ports.revisions(), indexes, tx, clock);
        readWorkspaceFile = new ReadWorkspaceFile(visible, ports.workspaces(), ports.revisions(), indexes, ports.blobs(),
                tx, clock);
        publishLimits = options.publishLimits();
        publishRevision = new PublishRevision(visible, ports.workspaces(), ports.revisions(), ports.blobs(), tx, clock,
                options.ids(), publishLimits);
        listRevisions = new ListRevisions(visible, ports.workspaces(), ports.revisions(), tx, clock);
        openSession = new OpenSession(visible, ports.workspaces(), ports.sessions(), tx, clock, options.ids());
        changeSessionState = new ChangeSessionState(visible, ports.workspaces(), ports.sessions(), tx, clock);
        closeSession = new CloseSession(visible, ports.workspaces(), ports.sessions(), tx, clock);
        collectGarbage = new CollectGarbage(ports.blobs(), ports.revisions(), tx, clock, options.garbageGrace());

        apiKeys = new ApiKeyUseCases(ports.apiKeys(), tx, clock, options.ids(), new SecureRandom());
    }

    public CreateProject createProject() {
        return createProject;
    }

    public ListProjects listProjects() {
        return listProjects;
    }

    public GetProject getProject() {
        return getProject;
    }

    public UpdateProject updateProject() {
        return updateProject;
    }

    public DeleteProject deleteProject() {
        return deleteProject;
    }

    public CreateTeam createTeam() {
        return createTeam;
    }

    public ListTeams listTeams() {
        return listTeams;
    }

    public DeleteTeam deleteTeam() {
        return deleteTeam;
    }

    public AddTeamMember addTeamMember() {
        return addTeamMember;
    }

    public RemoveTeamMember removeTeamMember() {
        return removeTeamMember;
    }

    public ListTeamMembers listTeamMembers() {
        return listTeamMembers;
    }

    public GetWorkspace getWorkspace() {
        return getWorkspace;
    }

    public ListWorkspaceFiles listWorkspaceFiles() {
        return listWorkspaceFiles;
    }

    public ReadWorkspaceFile readWorkspaceFile() {
        return readWorkspaceFile;
    }

    /** Writes, deletes or replaces workspace content as a new revision. */
    public PublishRevision publishRevision() {
        return publishRevision;
    }

    /** The caps {@link #publishRevision()} enforces, for adapters that bound what they read ahead of it. */
    public PublishRevision.Limits publishLimits() {
        return publishLimits;
    }

    public ListRevisions listRevisions() {
        return listRevisions;
    }

    public OpenSession openSession() {
        return openSession;
    }

    public ChangeSessionState changeSessionState() {
        return changeSessionState;
    }

    public CloseSession closeSession() {
        return closeSession;
    }

    /** Deletes blobs no revision names once they are older than the grace period; run it from a job. */
    public CollectGarbage collectGarbage() {
        return collectGarbage;
    }

    public CreateApiKey createApiKey() {
        return apiKeys.create();
    }

    public ListApiKeys listApiKeys() {
        return apiKeys.list();
    }

    public RevokeApiKey revokeApiKey() {
        return apiKeys.revoke();
    }

    /** Turns a presented {@code ak-} key into the caller; for the HTTP adapter's authentication. */
    public AuthenticateApiKey authenticateApiKey() {
        return apiKeys.authenticate();
    }

    /** Writes pending API-key last-use times; run it every few seconds and on shutdown. */
    public FlushApiKeyUsage flushApiKeyUsage() {
        return apiKeys.flushUsage();
    }
}
