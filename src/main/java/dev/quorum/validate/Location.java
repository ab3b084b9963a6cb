package dev.quorum.validate;

/**
 * Where a finding points: the template section id, a human label of the item (such as
 * "table orders" or "query 'orders by user'"), the field path in the design file such as
 * {@code queries[2].frequency}, and a 1-based line inside a multi-line field (the SQL), 0 when none.
 */
public record Location(String section, String item, String path, int textLine) {

    public Location {
        section = section == null ? "" : section;
        item = item == null ? "" : item;
        path = path == null ? "" : path;
    }

    /** A location at a field, with no item and no line inside it. */
    public static Location field(String section, String path) {
        return new Location(section, "", path, 0);
    }

    /** A location at an item of a field. */
    public static Location item(String section, String item, String path) {
        return new Location(section, item, path, 0);
    }

    /** The same location pointing at a line inside the field's text. */
    public Location atLine(int line) {
        return new Location(section, item, path, line);
    }
}
