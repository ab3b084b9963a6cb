package dev.quorum;

import dev.quorum.cli.QuorumCli;
import dev.quorum.ui.Workbench;

/**
 * The single entry point of the jar: with no arguments it opens the workbench window, with arguments it
 * runs the command line. It is not a JavaFX Application, so the jar starts from a plain classpath.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Workbench.launch(args);
            return;
        }
        System.exit(QuorumCli.run(args));
    }
}
