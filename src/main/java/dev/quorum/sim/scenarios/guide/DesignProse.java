package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prose of a design where components and dependencies are described (summary, data elements, storage choices,
 * queries), for the guide models that need to know whether a design mentions something the template has no field
 * for, such as an SMS provider or sticky sessions. SQL is left out: it is not prose.
 */
final class DesignProse {

    /** Where a match was found and the words around it. */
    record Mention(String field, String text) {
    }

    private DesignProse() {
    }

    /** The first match of {@code pattern}, in template order. */
    static Optional<Mention> first(Design d, Pattern pattern) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"summary", d.summary()});
        for (int i = 0; i < d.persistence().dataElements().size(); i++) {
            var e = d.persistence().dataElements().get(i);
            String at = "persistence.data_elements[" + i + "]";
            fields.add(new String[] {at + ".name", e.name()});
            fields.add(new String[] {at + ".description", e.description()});
            fields.add(new String[] {at + ".reason", e.reason()});
        }
        for (int i = 0; i < d.persistence().storageChoices().size(); i++) {
            var c = d.persistence().storageChoices().get(i);
            String at = "persistence.storage_choices[" + i + "]";
            fields.add(new String[] {at + ".data", c.data()});
            fields.add(new String[] {at + ".system", c.system()});
            fields.add(new String[] {at + ".justification", c.justification()});
            fields.add(new String[] {at + ".access_patterns", c.accessPatterns()});
        }
        for (int i = 0; i < d.queries().size(); i++) {
            var q = d.queries().get(i);
            String at = "queries[" + i + "]";
            fields.add(new String[] {at + ".name", q.name()});
            fields.add(new String[] {at + ".purpose", q.purpose()});
            fields.add(new String[] {at + ".reason", q.reason()});
        }
        for (String[] f : fields) {
            Matcher m = pattern.matcher(f[1]);
            if (m.find()) {
                return Optional.of(new Mention(f[0], "'" + excerpt(f[1], m) + "'"));
            }
        }
        return Optional.empty();
    }

    private static String excerpt(String text, Matcher m) {
        int from = Math.max(0, m.start() - 30);
        int to = Math.min(text.length(), m.end() + 30);
        return (from > 0 ? "..." : "") + text.substring(from, to).strip() + (to < text.length() ? "..." : "");
    }
}
