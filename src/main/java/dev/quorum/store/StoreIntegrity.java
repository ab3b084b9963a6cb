package dev.quorum.store;

import java.util.List;

/**
 * The result of checking every project and revision: whether each revision's YAML still matches the
 * SHA-256 written with it, and whether each project's pointer and count agree with its revisions.
 * {@code problems} is empty for a sound store.
 */
public record StoreIntegrity(int liveProjects, int trashedProjects, long revisions, List<String> problems) {

    public StoreIntegrity {
        problems = List.copyOf(problems);
    }
}
