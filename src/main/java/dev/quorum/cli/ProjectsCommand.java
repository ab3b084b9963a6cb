package dev.quorum.cli;

import dev.quorum.service.OpenedProject;
import dev.quorum.service.ProjectService;
import dev.quorum.store.ProjectSummary;
import dev.quorum.store.RevisionInfo;
import dev.quorum.store.SaveResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quorum projects list|show|history|restore|delete|undelete|purge}: the projects in the store. */
@Command(name = "projects", mixinStandardHelpOptions = true,
        description = "List and manage the projects in the project store.%n"
                + "PROJECT is a project's name or the first digits of its id (see 'quorum projects list').",
        subcommands = {ProjectsCommand.ListProjects.class, ProjectsCommand.Show.class, ProjectsCommand.History.class,
                ProjectsCommand.Restore.class, ProjectsCommand.Delete.class, ProjectsCommand.Undelete.class,
                ProjectsCommand.Purge.class})
final class ProjectsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand; see 'quorum projects --help'");
    }

    /** Shared plumbing: the store option, the output stream. */
    abstract static class StoreCall implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreOptions store;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() throws Exception {
            try (ProjectService projects = store.open()) {
                int code = run(projects, out());
                out().flush();
                return code;
            }
        }

        abstract int run(ProjectService projects, PrintWriter out) throws Exception;
    }

    /** {@code quorum projects list [--trash]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the projects, most recently changed first, with revisions and findings.")
    static final class ListProjects extends StoreCall {

        @Option(names = "--trash", description = "List the projects in the trash instead.")
        boolean trash;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            List<ProjectSummary> list = trash ? projects.trash() : projects.list();
            if (list.isEmpty()) {
                out.println(trash ? "The trash is empty." : "No projects in " + projects.location()
                        + ". Add designs with: quorum store import DIR|FILE");
                return ExitCodes.OK;
            }
            int width = Math.min(40, Math.max(4, list.stream().mapToInt(p -> p.name().length()).max().orElse(4)));
            String format = "%-8s  %-" + width + "s  %-16s  %4s  %s%n";
            out.printf(format, "ID", "NAME", trash ? "DELETED" : "UPDATED", "REVS", "FINDINGS");
            for (ProjectSummary p : list) {
                out.printf(format, p.shortId(), StoreText.fit(p.name(), width),
                        StoreText.time(trash ? p.deletedAt() : p.updatedAt()), p.revisionCount(), StoreText.findings(p));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code quorum projects show PROJECT [--revision N] [--yaml]}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a project's details, or with --yaml its design as YAML.")
    static final class Show extends StoreCall {

        @Parameters(paramLabel = "PROJECT", description = "The project's name or id.")
        String project;

        @Option(names = "--revision", paramLabel = "N", description = "Show revision N instead of the current one.")
        Integer revision;

        @Option(names = "--yaml", description = "Print the design itself, as canonical YAML.")
        boolean yaml;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            ProjectSummary p = projects.resolve(project, ProjectService.Scope.ANY);
            OpenedProject opened = revision == null ? projects.open(p.id()) : projects.openRevision(p.id(), revision);
            if (yaml) {
                out.print(projects.repository().revision(p.id(), opened.revision().number()).yaml());
                return ExitCodes.OK;
            }
            RevisionInfo r = opened.revision();
            out.println(p.name() + (p.deleted() ? "  (in the trash since " + StoreText.time(p.deletedAt()) + ")" : ""));
            out.println("  id        " + p.id());
            out.println("  created   " + StoreText.time(p.createdAt()));
            out.println("  updated   " + StoreText.time(p.updatedAt()));
            out.println("  version   " + p.version());
            out.println("  revisions " + p.revisionCount());
            out.println("  findings  " + StoreText.findings(p));
            out.println("  revision  " + r.number() + (r.number() == p.revisionCount() ? " (current)" : "") + ", "
                    + (r.autosave() ? "autosave" : "saved") + " " + StoreText.time(r.savedAt()) + " by " + r.author()
                    + (r.message().isEmpty() ? "" : ": " + r.message()));
            return ExitCodes.OK;
        }
    }

    /** {@code quorum projects history PROJECT}. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "List a project's revisions, newest first.")
    static final class History extends StoreCall {

        @Parameters(paramLabel = "PROJECT", description = "The project's name or id.")
        String project;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            ProjectSummary p = projects.resolve(project, ProjectService.Scope.ANY);
            out.println(p.name() + ": " + StoreText.plural(p.revisionCount(), "revision"));
            out.printf("%5s  %-16s  %-8s  %-12s  %s%n", "REV", "SAVED", "KIND", "AUTHOR", "MESSAGE");
            for (RevisionInfo r : projects.history(p.id())) {
                out.printf("%5d  %-16s  %-8s  %-12s  %s%n", r.number(), StoreText.time(r.savedAt()),
                        r.autosave() ? "autosave" : "save", StoreText.fit(r.author(), 12), r.message());
            }
            return ExitCodes.OK;
        }
    }

    /** {@code quorum projects restore PROJECT REVISION}. */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Make a copy of an old revision the project's new current revision; nothing is lost.")
    static final class Restore extends StoreCall {

        @Parameters(index = "0", paramLabel = "PROJECT", description = "The project's name or id.")
        String project;

        @Parameters(index = "1", paramLabel = "REVISION", description = "The revision number to restore.")
        int revision;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            ProjectSummary p = projects.resolve(project, ProjectService.Scope.LIVE);
            SaveResult r = projects.restoreRevision(p.id(), revision);
            out.println("Restored revision " + revision + " of '" + p.name() + "' as revision " + r.revision().number());
            return ExitCodes.OK;
        }
    }

    /** {@code quorum projects delete PROJECT}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Move a project to the trash; 'quorum projects undelete' brings it back.")
    static final class Delete extends StoreCall {

        @Parameters(paramLabel = "PROJECT", description = "The project's name or id.")
        String project;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            ProjectSummary p = projects.delete(projects.resolve(project, ProjectService.Scope.LIVE).id());
            out.println("Moved '" + p.name() + "' to the trash (undo: quorum projects undelete " + p.shortId() + ")");
            return ExitCodes.OK;
        }
    }

    /** {@code quorum projects undelete PROJECT}. */
    @Command(name = "undelete", mixinStandardHelpOptions = true, description = "Bring a project back from the trash.")
    static final class Undelete extends StoreCall {

        @Parameters(paramLabel = "PROJECT", description = "The project's name or id, as listed by 'projects list --trash'.")
        String project;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            ProjectSummary p = projects.undelete(projects.resolve(project, ProjectService.Scope.TRASH).id());
            out.println("Restored '" + p.name() + "' from the trash");
            return ExitCodes.OK;
        }
    }

    /** {@code quorum projects purge PROJECT... | --all}. */
    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Remove projects in the trash, with all their revisions, for good.")
    static final class Purge extends StoreCall {

        @Parameters(paramLabel = "PROJECT", arity = "0..*", description = "Projects in the trash, by name or id.")
        List<String> names;

        @Option(names = "--all", description = "Empty the whole trash.")
        boolean all;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            if (all == (names != null && !names.isEmpty())) {
                throw new UserError("name the projects to purge, or give --all to empty the trash (not both)");
            }
            if (all) {
                int n = projects.emptyTrash();
                out.println(n == 0 ? "The trash was already empty" : "Purged " + StoreText.plural(n, "project") + " for good");
                return ExitCodes.OK;
            }
            for (String name : names) {
                ProjectSummary p = projects.resolve(name, ProjectService.Scope.TRASH);
                projects.purge(p.id());
                out.println("Purged '" + p.name() + "' and its " + StoreText.plural(p.revisionCount(), "revision") + " for good");
            }
            return ExitCodes.OK;
        }
    }
}
