package dev.quorum.ui.section;

import dev.quorum.model.DataElement;
import dev.quorum.model.StorageChoice;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateSection;

/** The Data Persistence section: the data elements and the storage chosen for each. */
public final class PersistenceViewModel extends SectionViewModel {

    private final TableViewModel<DataElement> dataElements;
    private final TableViewModel<StorageChoice> storageChoices;

    public PersistenceViewModel(TemplateSection section, Template template) {
        super(section, template);
        TemplateField elements = templateField("persistence.data_elements");
        dataElements = this.<DataElement>table(elements, elements.path(), "data element")
                .column("name", DataElement::name)
                .column("description", DataElement::description)
                .column("reason", DataElement::reason)
                .column("size_estimate", DataElement::sizeEstimate)
                .build();
        TemplateField choices = templateField("persistence.storage_choices");
        storageChoices = this.<StorageChoice>table(choices, choices.path(), "storage choice")
                .column("data", StorageChoice::data)
                .column("type", StorageChoice::type)
                .column("system", StorageChoice::system)
                .column("justification", StorageChoice::justification)
                .column("access_patterns", StorageChoice::accessPatterns)
                .build();
    }

    /** What data needs to be stored. */
    public TableViewModel<DataElement> dataElements() {
        return dataElements;
    }

    /** Where each data element is stored and why. */
    public TableViewModel<StorageChoice> storageChoices() {
        return storageChoices;
    }
}
