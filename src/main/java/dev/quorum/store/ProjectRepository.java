package dev.quorum.store;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Projects and their revisions. Every change is one transaction that is on disk before the method returns;
 * every save presents the version it was based on and fails with {@link StoreConflictException} when the
 * project has changed since, so two windows or two processes never overwrite each other silently.
 */
public interface ProjectRepository extends AutoCloseable {

    /** Creates a project whose first revision is {@code first}. */
    SaveResult create(String name, RevisionDraft first) throws StoreException;

    /**
     * Saves a new revision on top of {@code expectedVersion}. An autosave rewrites the current revision in
     * place when that is an autosave started within the coalescing window; anything else adds a revision.
     */
    SaveResult save(UUID project, long expectedVersion, RevisionDraft draft) throws StoreException;

    /** Makes a copy of revision {@code number} the new current revision; history is never rewritten. */
    SaveResult restoreRevision(UUID project, long expectedVersion, int number, String author) throws StoreException;

    /** Live projects, most recently changed first. */
    List<ProjectSummary> list() throws StoreException;

    /** Projects in the trash, most recently deleted first. */
    List<ProjectSummary> trash() throws StoreException;

    /** One project, live or in the trash. */
    ProjectSummary find(UUID project) throws StoreException;

    /** The project's revisions, newest first, without YAML. */
    List<RevisionInfo> history(UUID project) throws StoreException;

    /** The current revision with its YAML and the version to save against. */
    Revision current(UUID project) throws StoreException;

    /** Revision {@code number} of the project with its YAML. */
    Revision revision(UUID project, int number) throws StoreException;

    /**
     * Gives a live project a new name. The name is the store's label for the project, not part of any revision,
     * so renaming writes no revision and does not move the version that saves are checked against.
     */
    ProjectSummary rename(UUID project, String name) throws StoreException;

    /** Moves a live project to the trash (a soft delete). */
    ProjectSummary delete(UUID project) throws StoreException;

    /** Brings a project back from the trash. */
    ProjectSummary undelete(UUID project) throws StoreException;

    /** Removes a project in the trash and all its revisions for good. */
    void purge(UUID project) throws StoreException;

    /** Purges every project in the trash and returns how many there were. */
    int emptyTrash() throws StoreException;

    /** A store-wide setting, or null; used for one-time work such as seeding the samples. */
    String setting(String key) throws StoreException;

    /** Sets a store-wide setting. */
    void putSetting(String key, String value) throws StoreException;

    /** Counts and state of the whole store. */
    StoreInfo info() throws StoreException;

    /** Writes a transactionally consistent backup zip of the whole store to {@code target}, a new file. */
    void backup(Path target) throws StoreException;

    /** Reads every revision and checks it against its checksum and its project's pointer and count. */
    StoreIntegrity verify() throws StoreException;

    /** True when the store was opened read-only; every change then fails with {@link StoreReadOnlyException}. */
    boolean readOnly();

    /** Where the store lives. */
    StoreLocation location();

    @Override
    void close();
}
