package dev.quorum.diagram;

/**
 * A generated schema of any size for the overview and the benchmarks: table i has an id, a name, a
 * timestamp, and a foreign key to table i/2 (a tree, so every table is reachable), plus one to table
 * i/3 for every third table.
 */
public final class SyntheticSchema {

    private SyntheticSchema() {
    }

    /** DDL for {@code tables} tables. */
    public static String ddl(int tables) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tables; i++) {
            b.append("CREATE TABLE t").append(i).append("_entity (\n  id BIGINT PRIMARY KEY,\n  name VARCHAR(100) NOT NULL,\n")
                    .append("  created_at TIMESTAMPTZ NOT NULL");
            if (i > 0) {
                b.append(",\n  parent_id BIGINT NOT NULL REFERENCES t").append(i / 2).append("_entity(id)");
            }
            if (i > 0 && i % 3 == 0) {
                b.append(",\n  other_id BIGINT REFERENCES t").append(i / 3).append("_entity(id)");
            }
            b.append("\n);\n");
        }
        return b.toString();
    }

    /** How many foreign keys {@link #ddl} declares. */
    public static int foreignKeys(int tables) {
        int n = Math.max(0, tables - 1);
        for (int i = 1; i < tables; i++) {
            if (i % 3 == 0) {
                n++;
            }
        }
        return n;
    }
}
