package dev.quorum.diagram;

import java.util.List;

/**
 * An ER diagram before it is written: the tables in scope with synthetic ids, their relationships, their
 * groups, and whether columns are drawn. Both the DOT and the Mermaid writer draw from this, so the two
 * always show the same tables.
 */
record ErScene(List<Entity> entities, List<Relation> relations, List<Group> groups, boolean overview, String caption) {

    ErScene {
        entities = List.copyOf(entities);
        relations = List.copyOf(relations);
        groups = List.copyOf(groups);
    }

    /** What a box stands for. */
    enum Kind { TABLE, VIEW, MISSING }

    /** A table, view or referenced-but-missing table; {@code group} is a group id or empty. */
    record Entity(String id, String schema, String name, Kind kind, int partitions, List<Attribute> attributes,
            String group, boolean focus) {
        Entity {
            attributes = List.copyOf(attributes);
        }
    }

    /** A column with its type as written and its markers. */
    record Attribute(String name, String type, boolean primaryKey, boolean foreignKey, boolean unique, boolean nullable) {

        /** "PK FK UQ NULL", the markers that apply, space separated. */
        String markers() {
            StringBuilder b = new StringBuilder();
            if (primaryKey) {
                b.append("PK ");
            }
            if (foreignKey) {
                b.append("FK ");
            }
            if (unique) {
                b.append("UQ ");
            }
            if (nullable) {
                b.append("NULL ");
            }
            return b.toString().strip();
        }
    }

    /**
     * A foreign key from child to parent. The ports are attribute indexes, -1 when none. {@code oneToOne}
     * when the key columns are unique in the child; {@code optional} when a key column is nullable;
     * {@code identifying} when the key columns are part of the child's primary key.
     */
    record Relation(String child, String parent, int childPort, int parentPort, boolean oneToOne, boolean optional,
            boolean identifying, String label) {
    }

    /** A frame around tables of one schema or one name prefix. */
    record Group(String id, String label) {
    }
}
