package dev.quorum.template;

import java.util.List;

/** One of the template's nine top-level sections, such as Data Replication. */
public record TemplateSection(String id, String title, List<TemplateSubsection> subsections) {

    public TemplateSection {
        subsections = subsections == null ? List.of() : List.copyOf(subsections);
    }

    /** Every field of every subsection, in order. */
    public List<TemplateField> fields() {
        return subsections.stream().flatMap(s -> s.fields().stream()).toList();
    }
}
