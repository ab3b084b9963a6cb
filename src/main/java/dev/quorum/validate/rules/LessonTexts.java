package dev.quorum.validate.rules;

import dev.quorum.model.ConcurrencyAspect;
import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.Query;
import dev.quorum.model.SharedData;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.SyncStrategy;
import dev.quorum.model.TopologyNode;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The free text of a design, field by field and grouped by the item it belongs to, for the lesson and query
 * rules that look for what people wrote ("pool of 5", "polls every 3 s", "no jitter").
 */
final class LessonTexts {

    /** One text field: where it is and what it says. */
    record Field(String section, String item, String path, String text) {

        Location location() {
            return Location.item(section, item, path);
        }
    }

    /** The fields of one item (a query, a storage choice, a strategy...), which are read together. */
    record Item(String section, String item, List<Field> fields) {

        String text() {
            StringBuilder sb = new StringBuilder();
            for (Field f : fields) {
                sb.append(f.text()).append('\n');
            }
            return sb.toString();
        }
    }

    private static final Pattern NEGATED = Pattern.compile(
            "\\b(?:no|not|never|without|nor|lacks?|lacking|zero|instead of|rather than|avoids?|avoiding|replaces?|"
                    + "replacing|isn't|aren't|doesn't|don't|won't|cannot)\\b[^.;:,()]{0,24}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private LessonTexts() {
    }

    /** Every item of the design that has free text, in section order. */
    static List<Item> items(Design d) {
        List<Item> out = new ArrayList<>();
        add(out, "persistence", "summary", new Field("persistence", "summary", "summary", d.summary()));
        List<DataElement> elements = d.persistence().dataElements();
        for (int i = 0; i < elements.size(); i++) {
            DataElement e = elements.get(i);
            String item = "data element " + quote(e.name());
            String p = "persistence.data_elements[" + i + "].";
            add(out, "persistence", item, new Field("persistence", item, p + "name", e.name()),
                    new Field("persistence", item, p + "description", e.description()),
                    new Field("persistence", item, p + "reason", e.reason()));
        }
        List<StorageChoice> storage = d.persistence().storageChoices();
        for (int i = 0; i < storage.size(); i++) {
            StorageChoice s = storage.get(i);
            String item = "storage for " + quote(s.data());
            String p = "persistence.storage_choices[" + i + "].";
            add(out, "persistence", item, new Field("persistence", item, p + "data", s.data()),
                    new Field("persistence", item, p + "system", s.system()),
                    new Field("persistence", item, p + "justification", s.justification()),
                    new Field("persistence", item, p + "access_patterns", s.accessPatterns()));
        }
        List<Query> queries = d.queries();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            String item = QueryFacts.label(q, i);
            String p = "queries[" + i + "].";
            add(out, "queries", item, new Field("queries", item, p + "name", q.name()),
                    new Field("queries", item, p + "purpose", q.purpose()),
                    new Field("queries", item, p + "frequency", q.frequency().text()),
                    new Field("queries", item, p + "reason", q.reason()));
        }
        aspect(out, "reads", d.concurrency().reads());
        aspect(out, "writes", d.concurrency().writes());
        aspect(out, "read_write", d.concurrency().readWrite());
        List<SharedData> shared = d.sharing().sharedData();
        for (int i = 0; i < shared.size(); i++) {
            SharedData s = shared.get(i);
            String item = "shared data " + quote(s.data());
            String p = "sharing.shared_data[" + i + "].";
            add(out, "sharing", item, new Field("sharing", item, p + "data", s.data()),
                    new Field("sharing", item, p + "why_shared", s.whyShared()),
                    new Field("sharing", item, p + "synchronization", s.synchronization()));
        }
        List<SyncStrategy> strategies = d.sharing().strategies();
        for (int i = 0; i < strategies.size(); i++) {
            SyncStrategy s = strategies.get(i);
            String item = "strategy " + quote(s.name());
            String p = "sharing.strategies[" + i + "].";
            add(out, "sharing", item, new Field("sharing", item, p + "name", s.name()),
                    new Field("sharing", item, p + "description", s.description()),
                    new Field("sharing", item, p + "frequency", s.frequency().text()),
                    new Field("sharing", item, p + "conflict_resolution", s.conflictResolution()));
        }
        List<FlowNode> nodes = d.sharing().diagram().nodes();
        for (int i = 0; i < nodes.size(); i++) {
            String item = "diagram node " + quote(nodes.get(i).id());
            add(out, "sharing", item, new Field("sharing", item, "sharing.diagram.nodes[" + i + "].label", nodes.get(i).label()));
        }
        List<FlowEdge> edges = d.sharing().diagram().edges();
        for (int i = 0; i < edges.size(); i++) {
            FlowEdge e = edges.get(i);
            String item = "diagram edge " + e.from() + " -> " + e.to();
            add(out, "sharing", item, new Field("sharing", item, "sharing.diagram.edges[" + i + "].label", e.label()));
        }
        add(out, "consistency", "consistency model",
                new Field("consistency", "consistency model", "consistency.justification", d.consistency().justification()),
                new Field("consistency", "consistency model", "consistency.implementation", d.consistency().implementation()));
        List<TopologyNode> topo = d.replication().topology().nodes();
        for (int i = 0; i < topo.size(); i++) {
            String item = "node " + quote(topo.get(i).id());
            add(out, "replication", item, new Field("replication", item, "replication.topology.nodes[" + i + "].name",
                    topo.get(i).name()));
        }
        add(out, "replication", "failover", new Field("replication", "failover", "replication.failover.process",
                d.replication().failover().process()));
        add(out, "backup", "backup strategy", new Field("backup", "backup strategy", "backup.strategy.location",
                d.backup().strategy().location()));
        add(out, "backup", "recovery plan", new Field("backup", "recovery plan", "backup.recovery.procedure",
                d.backup().recovery().procedure()));
        add(out, "lifecycle", "creation", new Field("lifecycle", "creation", "lifecycle.creation", d.lifecycle().creation()));
        add(out, "lifecycle", "modification", new Field("lifecycle", "modification", "lifecycle.modification",
                d.lifecycle().modification()));
        add(out, "lifecycle", "archival", new Field("lifecycle", "archival", "lifecycle.archival", d.lifecycle().archival()));
        add(out, "lifecycle", "deletion", new Field("lifecycle", "deletion", "lifecycle.deletion.description",
                d.lifecycle().deletion().description()));
        add(out, "lifecycle", "retention", new Field("lifecycle", "retention", "lifecycle.retention_policy",
                d.lifecycle().retentionPolicy()));
        return out;
    }

    /**
     * {@link #items(Design)} of the context's design, built once per validation: several lesson rules walk every
     * text of the design, and building the list per rule cost as much as their checks.
     */
    static List<Item> items(DesignContext context) {
        return context.memo("LessonTexts.items", c -> List.copyOf(items(c.design())));
    }

    /** {@link #fields(Design)} of the context's design, built once per validation. */
    static List<Field> fields(DesignContext context) {
        return context.memo("LessonTexts.fields", c -> {
            List<Field> out = new ArrayList<>();
            for (Item i : items(c)) {
                out.addAll(i.fields());
            }
            return List.copyOf(out);
        });
    }

    /** Every text field of the design, in section order. */
    static List<Field> fields(Design d) {
        List<Field> out = new ArrayList<>();
        for (Item i : items(d)) {
            out.addAll(i.fields());
        }
        return out;
    }

    private static void aspect(List<Item> out, String key, ConcurrencyAspect a) {
        String item = "concurrent " + key.replace('_', '/');
        String p = "concurrency." + key + ".";
        add(out, "concurrency", item, new Field("concurrency", item, p + "occurs", a.occurs()),
                new Field("concurrency", item, p + "concern", a.concern()),
                new Field("concurrency", item, p + "handling", a.handling()));
    }

    private static void add(List<Item> out, String section, String item, Field... fields) {
        List<Field> kept = new ArrayList<>();
        for (Field f : fields) {
            if (f.text() != null && !f.text().isBlank()) {
                kept.add(f);
            }
        }
        if (!kept.isEmpty()) {
            out.add(new Item(section, item, List.copyOf(kept)));
        }
    }

    private static String quote(String s) {
        return "'" + s.strip() + "'";
    }

    /** Texts remembered per pattern by {@link #mayFind} before it starts over; far more than a design holds. */
    static final int MAX_REMEMBERED_TEXTS = 8192;

    private static final Map<Pattern, Map<String, Boolean>> FINDS = new ConcurrentHashMap<>();

    /**
     * False when {@code p} finds nothing in {@code text}, so that a rule can skip the text. The lesson rules run
     * their patterns over every text of the design on each keystroke, while almost every text is unchanged since
     * the last validation and matches none of them; the answer is remembered per pattern and text, so only an
     * edited text is scanned again. A true answer means the caller matches as before.
     */
    static boolean mayFind(Pattern p, String text) {
        Map<String, Boolean> byText = FINDS.computeIfAbsent(p, k -> new ConcurrentHashMap<>());
        Boolean known = byText.get(text);
        if (known != null) {
            return known;
        }
        boolean finds = p.matcher(text).find();
        if (byText.size() >= MAX_REMEMBERED_TEXTS) {
            byText.clear();
        }
        byText.put(text, finds);
        return finds;
    }

    /** The first match of {@code p} in {@code text} that no negation ("no jitter", "never polled") precedes, or null. */
    static Matcher affirmed(Pattern p, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = p.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            if (!NEGATED.matcher(before).find()) {
                return m;
            }
        }
        return null;
    }

    /** Lower case with underscores, hyphens and slashes read as spaces; the same normalisation as DesignProse. */
    static String norm(String text) {
        return DesignProse.norm(text);
    }

    /** True when the normalised text contains the normalised phrase as a whole phrase; see DesignProse. */
    static boolean hasPhrase(String normText, String normPhrase) {
        return DesignProse.hasPhrase(normText, normPhrase);
    }

    /** A short quotation of the matched text with some context, for messages. */
    static String excerpt(String text, int start, int end) {
        int s = Math.max(0, start - 30);
        int e = Math.min(text.length(), end + 30);
        while (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) {
            s--;
        }
        while (e < text.length() && !Character.isWhitespace(text.charAt(e))) {
            e++;
        }
        String x = WHITESPACE.matcher(text.substring(s, e)).replaceAll(" ").strip();
        return "\"" + (s > 0 ? "..." : "") + x + (e < text.length() ? "..." : "") + "\"";
    }
}
