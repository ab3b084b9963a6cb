package dev.quorum.validate.rules;

import dev.quorum.sql.Column;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;

/** Reports tables with more large-object columns than the threshold allows. */
public final class TooManyLobsRule extends AbstractRule {

    public TooManyLobsRule() {
        super("schema.too-many-lobs", Severity.WARNING, RuleCategory.SCHEMA,
                "A table has more large-object columns than thresholds().maxLobColumns() (default 3).",
                "Large objects (TEXT, CLOB, BLOB, BYTEA, IMAGE, *(MAX), and JSON, JSONB and XML, which are stored the "
                        + "same way) are kept out of line: every SELECT * drags them through the buffer cache, backups "
                        + "and replication grow with them, and images or PDFs are cheaper in object storage. "
                        + "SchemaCrawler lint linter.LinterTooManyLobs, whose default is 3.",
                "CREATE TABLE restaurants (..., description TEXT, opening_hours TEXT, logo BYTEA, banner_image BYTEA, "
                        + "menu_pdf BYTEA);",
                "CREATE TABLE restaurants (..., description TEXT, logo_key VARCHAR(512), menu_pdf_key VARCHAR(512));  "
                        + "-- files in S3");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        int max = context.thresholds().maxLobColumns();
        for (Table t : context.schema().tables()) {
            List<String> lobs = new ArrayList<>();
            for (Column c : t.columns()) {
                if (SchemaFacts.isLob(c)) {
                    lobs.add(c.name().name() + " " + c.type());
                }
            }
            if (lobs.size() > max) {
                sink.report(SchemaFacts.at(t),
                        "table " + t.name().name() + " has " + lobs.size() + " large-object columns (" + String.join(", ", lobs)
                                + "), more than the limit of " + max,
                        "Move binary files (images, PDFs) to object storage and keep only their keys, and move rarely "
                                + "read long text into a 1:1 side table, leaving at most " + max + " LOB columns.");
            }
        }
    }
}
