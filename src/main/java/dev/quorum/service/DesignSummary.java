package dev.quorum.service;

import dev.quorum.template.Gap;
import java.util.List;

/** What {@code quorum show} reports: the design's name, each section's status, and design-level gaps. */
public record DesignSummary(String name, List<Gap> designGaps, List<SectionStatus> sections) {

    public DesignSummary {
        designGaps = List.copyOf(designGaps);
        sections = List.copyOf(sections);
    }

    /** True when nothing is missing anywhere. */
    public boolean complete() {
        return designGaps.isEmpty() && sections.stream().allMatch(SectionStatus::complete);
    }

    /** Every gap, design-level first, then section by section. */
    public List<Gap> allGaps() {
        return java.util.stream.Stream.concat(designGaps.stream(), sections.stream().flatMap(s -> s.gaps().stream())).toList();
    }
}
