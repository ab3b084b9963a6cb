package dev.quorum.service;

import dev.quorum.template.Gap;
import java.util.List;

/** How far one template section is filled in: a one-line digest of its content and what it lacks. */
public record SectionStatus(String sectionId, String title, String digest, List<Gap> gaps) {

    public SectionStatus {
        gaps = List.copyOf(gaps);
    }

    /** True when the section lacks nothing. */
    public boolean complete() {
        return gaps.isEmpty();
    }
}
