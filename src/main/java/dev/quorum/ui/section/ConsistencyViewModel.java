package dev.quorum.ui.section;

import dev.quorum.template.Template;
import dev.quorum.template.TemplateSection;

/** The Consistency Models section: the chosen model, why, and how it is achieved. */
public final class ConsistencyViewModel extends SectionViewModel {

    private final FieldViewModel model = field("consistency.model");
    private final FieldViewModel justification = field("consistency.justification");
    private final FieldViewModel implementation = field("consistency.implementation");

    public ConsistencyViewModel(TemplateSection section, Template template) {
        super(section, template);
    }

    /** The chosen consistency model; its detail is the template's pros and cons. */
    public FieldViewModel model() {
        return model;
    }

    /** Why this model. */
    public FieldViewModel justification() {
        return justification;
    }

    /** How it is achieved. */
    public FieldViewModel implementation() {
        return implementation;
    }
}
