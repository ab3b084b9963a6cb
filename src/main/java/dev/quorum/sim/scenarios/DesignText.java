package dev.quorum.sim.scenarios;

import dev.quorum.model.Design;
import dev.quorum.model.ModelPaths;
import dev.quorum.model.Quantity;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The design's free text, field by field in template order, for figures the template has no field for
 * (pool size, cache TTL, jitter). SQL, JSON and the design's own settings are left out: they are not prose.
 */
public final class DesignText {

    private static final Set<String> SKIPPED = Set.of("sql", "json", "validation", "outcomes");

    /** One text field and where it sits. */
    public record Field(String path, String text) {
    }

    /** The first match of {@code pattern} in any text field, in template order. */
    public record Found(String path, Matcher match) {
    }

    private final List<Field> fields = new ArrayList<>();

    /** The text fields of {@code design}. */
    public DesignText(Design design) {
        walk(design, "");
    }

    /** Every non-blank text field, in template order. */
    public List<Field> fields() {
        return fields;
    }

    /** The first match of {@code pattern}, in template order. */
    public Optional<Found> find(Pattern pattern) {
        for (Field f : fields) {
            Matcher m = pattern.matcher(f.text());
            if (m.find()) {
                return Optional.of(new Found(f.path(), m));
            }
        }
        return Optional.empty();
    }

    /** The first match of {@code pattern} as a choice, with the field and the words read as its evidence. */
    public Optional<DesignValue> find(Pattern pattern, String choice) {
        return find(pattern).map(f -> DesignValue.choice(choice, f.path(), "'" + excerpt(f) + "'"));
    }

    /** True when the design has no prose besides its name, as a new, empty design. */
    public boolean isEmpty() {
        return fields.stream().allMatch(f -> f.path().equals("name"));
    }

    private void walk(Object value, String path) {
        if (value instanceof String s) {
            if (!s.isBlank()) {
                fields.add(new Field(path, s));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]");
            }
        } else if (value instanceof Record r && !(value instanceof Quantity)) {
            for (RecordComponent c : ModelPaths.components(r.getClass())) {
                String key = ModelPaths.key(c);
                if (!SKIPPED.contains(key)) {
                    walk(ModelPaths.value(c, r), path.isEmpty() ? key : path + "." + key);
                }
            }
        }
    }

    /** A short excerpt around a match, for showing the evidence next to a value. */
    static String excerpt(Found found) {
        String text = found.match().group();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
