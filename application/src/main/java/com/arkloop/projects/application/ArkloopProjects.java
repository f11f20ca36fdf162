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
import com.arkloop.projects.application.workspace.DirectoryIndexCache;
import com.arkloop.projects.application.workspace.GetWorkspace;
import com.arkloop.projects.application.workspace.ListWorkspaceFiles;
import com.arkloop.projects.application.workspace.ReadWorkspaceFile;
import com.arkloop.projects.domain.apikey.ApiKeyRepository;
import com.arkloop.projects.domain.project.ProjectRepository;
import com.arkloop.projects.domain.team.TeamRepository;
import com.arkloop.projects.domain.workspace.BlobStore;
import com.arkloop.projects.domain.workspace.SessionRepository;
import com.arkloop.projects.domain.workspace.WorkspaceRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Every use case, wired once to the driven ports given. The one object an embedding service builds
 * (with the adapters it chose), and what the HTTP adapter and the tests call.
 */
public final class ArkloopProjects {

    /** The driven ports: storage for projects, teams, workspaces and sessions, blobs, transactions, API keys. */
    public record Ports(ProjectRepository projects, TeamRepository teams, WorkspaceRepository workspaces,
                        SessionRepository sessions, BlobStore blobs, Transactions transactions,
                        ApiKeyRepository apiKeys) {
        public Ports {
            Objects.requireNonNull(projects, "projects");
            Objects.requireNonNull(teams, "teams");
            Objects.requireNonNull(workspaces, "workspaces");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(blobs, "blobs");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(apiKeys, "apiKeys");
        }
    }

    /**
     * @param clock             the time source of every timestamp
     * @param ids               new project and team ids
     * @param indexCacheEntries how many manifest entries the directory-index cache may hold in memory
     */
    public record Options(Clock clock, IdGenerator ids, long indexCacheEntries) {
        public static final long DEFAULT_INDEX_CACHE_ENTRIES = 2_000_000;

        public Options {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(ids, "ids");
        }

        public static Options defaults() {
            return new Options(Clock.systemUTC(), IdGenerator.random(), DEFAULT_INDEX_CACHE_ENTRIES);
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
        listWorkspaceFiles = new ListWorkspaceFiles(visible, ports.workspaces(), indexes, tx, clock);
        readWorkspaceFile = new ReadWorkspaceFile(visible, ports.workspaces(), indexes, ports.blobs(), tx, clock);

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
