package dev.quorum.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The design template as data: the design-level fields, its sections in order, the settings fields that
 * configure Quorum itself for the design (written after the sections), and the option lists.
 */
public record Template(
        String id,
        String title,
        List<TemplateField> documentFields,
        List<TemplateField> settingsFields,
        Map<String, List<TemplateOption>> optionLists,
        List<TemplateSection> sections) {

    public Template {
        documentFields = documentFields == null ? List.of() : List.copyOf(documentFields);
        settingsFields = settingsFields == null ? List.of() : List.copyOf(settingsFields);
        optionLists = optionLists == null ? Map.of() : Map.copyOf(optionLists);
        sections = List.copyOf(sections);
    }

    /** The section with this id. */
    public Optional<TemplateSection> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    /** The options of a named option list, or an empty list. */
    public List<TemplateOption> options(String listName) {
        return listName == null ? List.of() : optionLists.getOrDefault(listName, List.of());
    }

    /** The option with {@code id} in list {@code listName}. */
    public Optional<TemplateOption> option(String listName, String id) {
        return options(listName).stream().filter(o -> o.id().equals(id)).findFirst();
    }
}
