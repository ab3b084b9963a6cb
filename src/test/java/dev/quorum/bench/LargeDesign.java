package dev.quorum.bench;

import dev.quorum.TestDesigns;
import dev.quorum.model.AccessPattern;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataPersistence;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.model.Rate;
import dev.quorum.model.SchemaDesign;
import dev.quorum.model.SqlDialect;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import java.util.ArrayList;
import java.util.List;

/**
 * A large design for benchmarks: 400 tables with 5 columns each (2,000 columns), a foreign key and an
 * index per table, one data element per table, and 300 queries mixing lookups, joins and writes.
 */
public final class LargeDesign {

    private LargeDesign() {
    }

    /** The generated design; the same every call. */
    public static Design generate(int tables, int queries) {
        StringBuilder sql = new StringBuilder();
        List<DataElement> elements = new ArrayList<>();
        List<StorageChoice> choices = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            String name = "entity_" + t;
            sql.append("CREATE TABLE ").append(name).append(" (\n")
                    .append("  id BIGINT PRIMARY KEY,\n")
                    .append("  parent_id BIGINT").append(t == 0 ? "" : " REFERENCES entity_" + (t - 1) + "(id)").append(",\n")
                    .append("  code VARCHAR(40) NOT NULL UNIQUE,\n")
                    .append("  amount NUMERIC(12,2),\n")
                    .append("  created_at TIMESTAMPTZ NOT NULL\n")
                    .append(");\n")
                    .append("CREATE INDEX idx_").append(name).append("_parent ON ").append(name).append("(parent_id);\n");
            elements.add(new DataElement(name, "Entity " + t, "Needed by feature " + t, DataSize.of("1 KB per row x 100K rows")));
            choices.add(new StorageChoice(name, StorageType.RELATIONAL, "PostgreSQL 16", "Relations.", "Read-heavy lookups."));
        }
        List<Query> qs = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            int t = q % tables;
            String table = "entity_" + t;
            String text = switch (q % 3) {
                case 0 -> "SELECT id, code, amount FROM " + table + " WHERE code = ? LIMIT 1;";
                case 1 -> "SELECT c.id, p.code FROM " + table + " c JOIN entity_" + Math.max(0, t - 1)
                        + " p ON c.parent_id = p.id WHERE c.created_at > ? ORDER BY c.created_at DESC LIMIT 50;";
                default -> "UPDATE " + table + " SET amount = amount + ? WHERE id = ?;";
            };
            qs.add(new Query("query " + q, "Feature " + q, Rate.of((q % 7 * 10 + 1) + "/s"), "Needed.", List.of(table),
                    q % 3 == 2 ? AccessPattern.WRITE_HEAVY : AccessPattern.READ_HEAVY, text));
        }
        Design base = TestDesigns.complete();
        return new Design("Large generated design", base.summary(), new DataPersistence(elements, choices),
                new SchemaDesign(SqlDialect.POSTGRESQL, sql.toString(), List.of()), qs, base.concurrency(), base.sharing(),
                base.consistency(), base.replication(), base.backup(), base.lifecycle());
    }
}
