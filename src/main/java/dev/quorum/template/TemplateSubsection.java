package dev.quorum.template;

import java.util.List;

/** A titled part of a section; an empty title means the template gives it no heading of its own. */
public record TemplateSubsection(String id, String title, String intro, List<TemplateField> fields) {

    public TemplateSubsection {
        title = title == null ? "" : title;
        intro = intro == null ? "" : intro;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** True when the template shows a heading for this subsection. */
    public boolean hasHeading() {
        return !title.isBlank();
    }
}
