package dev.quorum.cli;

import dev.quorum.service.ProjectService;
import dev.quorum.store.StoreException;
import dev.quorum.store.StoreLocation;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option that every store command shares, with QUORUM_HOME as the fallback. */
final class StoreOptions {

    @Option(names = "--store", paramLabel = "DIR",
            description = "The project store directory (default: $QUORUM_HOME/store, else ~/.quorum/store).")
    String store;

    /** The chosen store directory. */
    StoreLocation location() throws StoreException {
        return StoreLocation.resolve(store, System.getenv());
    }

    /** Opens the chosen store. */
    ProjectService open() throws StoreException {
        return ProjectService.open(location());
    }
}
