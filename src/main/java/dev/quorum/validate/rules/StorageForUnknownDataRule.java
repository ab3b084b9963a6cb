package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.StorageChoice;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;

/** Reports a storage choice whose data names no data element. */
public final class StorageForUnknownDataRule extends AbstractRule {

    public StorageForUnknownDataRule() {
        super("completeness.storage-for-unknown-data", Severity.WARNING, RuleCategory.COMPLETENESS,
                "A storage choice is for data that is not a declared data element.",
                "A storage choice that names no data element usually means a renamed or forgotten element. The size "
                        + "estimate, backup coverage and retention checks then never see that data.",
                "data_elements: [{name: Orders}]\nstorage_choices: [{data: Invoices}]",
                "data_elements: [{name: Orders}, {name: Invoices}]\nstorage_choices: [{data: Orders}, {data: Invoices}]");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design design = context.design();
        List<StorageChoice> choices = design.persistence().storageChoices();
        for (int i = 0; i < choices.size(); i++) {
            StorageChoice c = choices.get(i);
            if (c.data().isBlank()) {
                continue;
            }
            if (!DesignProse.namesAnElement(context, c)) {
                sink.report(Location.item("persistence", "storage choice " + DesignProse.q(c.data()),
                                "persistence.storage_choices[" + i + "].data"),
                        "storage choice " + DesignProse.q(c.data()) + " names none of the "
                                + context.dataElementNames().size() + " data elements",
                        "Rename the storage choice's data to an existing data element, or add a data element named "
                                + c.data().strip() + " with its description, reason and size estimate.");
            }
        }
    }
}
