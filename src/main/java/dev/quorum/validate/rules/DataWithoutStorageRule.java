package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;

/** Reports a data element that no storage choice places anywhere. */
public final class DataWithoutStorageRule extends AbstractRule {

    public DataWithoutStorageRule() {
        super("completeness.data-without-storage", Severity.WARNING, RuleCategory.COMPLETENESS,
                "A data element has no storage choice.",
                "The template's Data Persistence section pairs every kind of data with where it lives and why. Data "
                        + "without a store is either not persisted at all or kept somewhere nobody reasoned about. Its "
                        + "backup, replication and retention are then undecided too.",
                "data_elements: [{name: Driver locations}]\nstorage_choices: [{data: Orders}]",
                "storage_choices:\n  - {data: Driver locations, type: time-series, system: TimescaleDB}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design design = context.design();
        List<DataElement> elements = design.persistence().dataElements();
        for (int i = 0; i < elements.size(); i++) {
            DataElement e = elements.get(i);
            if (e.name().isBlank() || !DesignProse.storageOf(context, e).isEmpty()) {
                continue;
            }
            sink.report(Location.item("persistence", "data element " + DesignProse.q(e.name()),
                            "persistence.data_elements[" + i + "].name"),
                    "data element " + DesignProse.q(e.name()) + " has no storage choice among the "
                            + design.persistence().storageChoices().size() + " in persistence.storage_choices",
                    "Add a storage choice with data: " + e.name().strip()
                            + ", its type, system, justification and access patterns.");
        }
    }
}
