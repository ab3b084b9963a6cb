package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.model.ModelPaths;
import dev.quorum.model.Quantity;
import dev.quorum.sim.scenarios.DesignValue;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prose of a design, field by field in template order, for the operations scenarios (serverless, containers,
 * deployments): the template has no field for how code is run or released, so only the design's words say it.
 * SQL, JSON, rule settings and recorded outcomes are not prose and are skipped.
 */
final class OpsText {

    private static final Set<String> SKIPPED = Set.of("sql", "json", "validation", "outcomes");

    private record Field(String path, String text) {
    }

    private final List<Field> fields = new ArrayList<>();

    OpsText(Design design) {
        walk(design, "");
    }

    /** The first match of {@code pattern}, in template order, as a choice with the field and the words read. */
    Optional<DesignValue> find(Pattern pattern, String choice) {
        for (Field f : fields) {
            Matcher m = pattern.matcher(f.text());
            if (m.find()) {
                String words = m.group();
                return Optional.of(DesignValue.choice(choice, f.path(), "'" + (words.length() > 80 ? words.substring(0, 77) + "..." : words) + "'"));
            }
        }
        return Optional.empty();
    }

    /** True when the design has no prose at all, as a new, empty design. */
    boolean isEmpty() {
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
}
