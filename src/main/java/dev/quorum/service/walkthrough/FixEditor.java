package dev.quorum.service.walkthrough;

import dev.quorum.io.DesignFormatException;
import dev.quorum.io.DesignYaml;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.model.Deletion;
import dev.quorum.model.DeletionMode;
import dev.quorum.model.Design;
import dev.quorum.model.DesignPath;
import dev.quorum.model.Query;
import dev.quorum.model.SqlDialect;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.model.SyncStrategy;
import dev.quorum.sql.Column;
import dev.quorum.sql.ColumnRef;
import dev.quorum.sql.DdlImporter;
import dev.quorum.sql.Index;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.sql.QueryAnalyzer;
import dev.quorum.sql.SchemaModel;
import dev.quorum.sql.Table;
import dev.quorum.template.FixKind;
import dev.quorum.template.ScenarioCard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a scenario's fix into an edit of one design. Each edit is adapted to the design (the table that records
 * payments, the cache's storage choice, the hottest query) and is refused, with the reason, when the design has
 * nothing it could sensibly change: a walkthrough must not invent a table or a number.
 */
final class FixEditor {

    private static final Pattern CACHE_SYSTEM = Pattern.compile("(?i)redis|memcache|valkey|cache|cdn|varnish");
    private static final Pattern FILES = Pattern.compile("(?i)upload|video|media|image|photo|attachment|recording");
    private static final Pattern SESSION = Pattern.compile("(?i)session");
    private static final Pattern LOCAL_MEMORY = Pattern.compile("(?i)in-process|in process|memorystore\\b(?! for)|local memory|"
            + "in memory|in-memory of each|memory of each|sticky|on each (api |app )?server");
    private static final Pattern POLLING = Pattern.compile("(?i)\\bpoll");

    private FixEditor() {
    }

    /** The proposal for {@code card}'s fix on {@code design}. */
    static FixProposal propose(ScenarioCard card, Design design) {
        FixKind kind = card.fix().kind();
        if (!kind.editsDesign()) {
            return shown(card, "an operational fix: the design document has no field for how the system is run, so "
                    + "it is shown, not applied");
        }
        Edit edit = new Edit(design);
        Optional<String> refused = switch (card.id()) {
            case "ghost-payment" -> ghostPayment(edit);
            case "budget-crisis" -> budgetCrisis(edit);
            case "delete-mystery" -> deleteMystery(edit);
            case "stolen-db" -> stolenDb(edit);
            case "noon-crash" -> noonCrash(edit);
            case "ten-second-lag" -> appendText(edit, card, "concurrency.read_write.handling");
            case "traffic-spike" -> appendText(edit, card, "concurrency.reads.handling");
            case "state-trap" -> stateTrap(edit, card);
            case "upload-4k" -> upload4k(edit, card);
            case "live-score" -> strategy(edit, card, true);
            case "free-server" -> strategy(edit, card, false);
            default -> Optional.of("Quorum has no edit for this scenario's fix yet");
        };
        if (refused.isPresent()) {
            return shown(card, refused.get());
        }
        return FixProposal.applicable(kind, card.fix().text(), card.fix().example(), edit.changes, edit.design);
    }

    private static FixProposal shown(ScenarioCard card, String why) {
        return FixProposal.shownOnly(card.fix().kind(), card.fix().text(), card.fix().example(), why);
    }

    /** The design being edited and the list of changes made, in order. */
    private static final class Edit {
        Design design;
        final List<String> changes = new ArrayList<>();

        Edit(Design design) {
            this.design = design;
        }

        void set(String path, Object value, String change) {
            design = DesignPath.parse(path).with(design, value);
            changes.add(path + ": " + change);
        }

        SchemaModel schema() {
            return new DdlImporter().importDdl(design.schema().sql(), design.schema().dialect());
        }

        void appendSql(String block, String change) {
            String sql = design.schema().sql();
            String joined = sql.isBlank() ? block : sql.stripTrailing() + "\n\n" + block;
            set("schema.sql", joined.endsWith("\n") ? joined : joined + "\n", change);
        }
    }

    private static Optional<Table> table(SchemaModel schema, List<String> preferred) {
        for (String word : preferred) {
            for (Table t : schema.tables()) {
                if (t.name().name().toLowerCase(Locale.ROOT).contains(word)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> ghostPayment(Edit edit) {
        Optional<Table> found = table(edit.schema(), List.of("payment", "charge", "transaction", "order"));
        if (found.isEmpty()) {
            return Optional.of("schema.sql has no table that records payments, charges, transactions or orders");
        }
        Table t = found.get();
        String name = t.name().toString();
        StringBuilder sql = new StringBuilder("-- Ghost Payment walkthrough: one idempotency key per checkout attempt;\n"
                + "-- the insert becomes INSERT ... ON CONFLICT (idempotency_key) DO NOTHING, and a retry returns the stored row.\n");
        if (t.column("idempotency_key").isEmpty()) {
            sql.append("ALTER TABLE ").append(name).append(" ADD COLUMN idempotency_key VARCHAR(64) NOT NULL;\n");
        }
        sql.append("ALTER TABLE ").append(name).append(" ADD CONSTRAINT uq_").append(bare(name))
                .append("_idempotency_key UNIQUE (idempotency_key);\n");
        edit.appendSql(sql.toString(), "a NOT NULL idempotency_key on " + name + " under a UNIQUE constraint");
        return Optional.empty();
    }

    private static Optional<String> deleteMystery(Edit edit) {
        if (edit.design.lifecycle().deletion().mode() == DeletionMode.SOFT) {
            return Optional.of("lifecycle.deletion.mode is already soft");
        }
        SchemaModel schema = edit.schema();
        Optional<Table> found = table(schema, List.of("user", "customer", "account", "member"));
        if (found.isEmpty() && !schema.tables().isEmpty()) {
            found = Optional.of(schema.tables().get(0));
        }
        if (found.isEmpty()) {
            return Optional.of("schema.sql defines no table to give a deleted_at column");
        }
        Table t = found.get();
        String name = t.name().toString();
        boolean partialIndexes = edit.design.schema().dialect() == SqlDialect.POSTGRESQL;
        StringBuilder sql = new StringBuilder("-- Delete Mystery walkthrough: rows are marked deleted, kept for the retention "
                + "period, then purged or anonymised.\n");
        if (t.column("deleted_at").isEmpty()) {
            sql.append("ALTER TABLE ").append(name).append(" ADD COLUMN deleted_at ")
                    .append(partialIndexes ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP").append(";\n");
        }
        String key = t.primaryKey().map(k -> k.columns().stream().map(Object::toString).reduce((a, b) -> a + ", " + b).orElse(""))
                .filter(k -> !k.isEmpty()).orElse("deleted_at");
        if (partialIndexes) {
            sql.append("CREATE INDEX idx_").append(bare(name)).append("_live ON ").append(name).append(" (").append(key)
                    .append(") WHERE deleted_at IS NULL;\n");
        } else {
            sql.append("-- this dialect has no partial indexes: every query on ").append(name)
                    .append(" filters on deleted_at IS NULL, and unique keys include deleted_at.\n");
        }
        edit.appendSql(sql.toString(), "a deleted_at column on " + name + (partialIndexes ? " and a partial index over live rows" : ""));
        Deletion old = edit.design.lifecycle().deletion();
        edit.set("lifecycle.deletion.mode", DeletionMode.SOFT, "soft");
        String note = "Soft delete: a deletion sets deleted_at; every query on live data filters on deleted_at IS NULL; "
                + "rows deleted longer ago than the retention period are purged or anonymised by a nightly job.";
        edit.set("lifecycle.deletion.description", join(old.description(), note), "describes the soft delete and the purge");
        return Optional.empty();
    }

    private static Optional<String> stolenDb(Edit edit) {
        for (Table t : edit.schema().tables()) {
            for (Column c : t.columns()) {
                String n = c.name().name().toLowerCase(Locale.ROOT);
                if ((n.equals("password") || n.equals("passwd") || n.equals("pwd") || n.equals("password_md5")
                        || n.equals("password_sha1")) && t.column("password_hash").isEmpty()) {
                    String name = t.name().toString();
                    String sql = "-- Stolen DB walkthrough: store only an argon2id (or bcrypt cost >= 12) hash with a salt per user.\n"
                            + "ALTER TABLE " + name + " ADD COLUMN password_hash VARCHAR(255);\n"
                            + "-- migration: password_hash = argon2id(old value) for every row, flagged as wrapped;\n"
                            + "-- at each sign-in: verify, store argon2id(password), clear the flag.\n"
                            + "ALTER TABLE " + name + " DROP COLUMN " + c.name() + ";\n";
                    edit.appendSql(sql, "replaces " + name + "." + c.name() + " with password_hash");
                    return Optional.empty();
                }
            }
        }
        return Optional.of("schema.sql has no password column stored in the clear or with a fast hash");
    }

    private static Optional<String> budgetCrisis(Edit edit) {
        SchemaModel schema = edit.schema();
        QueryAnalyzer analyzer = new QueryAnalyzer();
        List<Query> byRate = new ArrayList<>(edit.design.queries());
        byRate.sort(Comparator.comparingDouble((Query q) -> q.frequency().perSecond().orElse(0)).reversed());
        for (Query q : byRate) {
            if (q.sql().isBlank()) {
                continue;
            }
            QueryAnalysis a = analyzer.analyze(q.sql(), schema);
            if (a.kind() != QueryAnalysis.Kind.SELECT || a.tables().isEmpty() || a.parseError().isPresent()) {
                continue;
            }
            Optional<Table> t = schema.table(a.tables().get(0));
            if (t.isEmpty()) {
                continue;
            }
            String table = t.get().name().name();
            Set<String> columns = new LinkedHashSet<>();
            for (List<ColumnRef> refs : List.of(a.equalityPredicates(), a.rangePredicates(), a.orderByColumns())) {
                for (ColumnRef r : refs) {
                    if ((r.table() == null || r.table().isBlank() || r.table().equalsIgnoreCase(table))
                            && t.get().column(r.column()).isPresent()) {
                        columns.add(r.column());
                    }
                }
            }
            if (columns.isEmpty()) {
                continue;
            }
            String lead = columns.iterator().next();
            if (leads(t.get(), lead)) {
                continue;
            }
            String name = "idx_" + bare(table) + "_" + String.join("_", columns);
            String sql = "-- Budget Crisis walkthrough: the hottest query without an index, '" + q.name().replace("\n", " ")
                    + "' (" + q.frequency().text() + "), reads " + table + " by " + String.join(", ", columns) + ".\n"
                    + "CREATE INDEX " + name + " ON " + t.get().name() + " (" + String.join(", ", columns) + ");\n";
            edit.appendSql(sql, "an index " + name + " for query '" + q.name() + "'");
            return Optional.empty();
        }
        return Optional.of("every query whose SQL Quorum can read already has an index that leads with its filter column");
    }

    private static boolean leads(Table t, String column) {
        if (t.primaryKey().map(k -> !k.columns().isEmpty() && k.columns().get(0).matches(column)).orElse(false)) {
            return true;
        }
        for (Index i : t.indexes()) {
            if (!i.columns().isEmpty() && i.columns().get(0).matches(column)) {
                return true;
            }
        }
        return t.uniqueConstraints().stream().anyMatch(u -> !u.columns().isEmpty() && u.columns().get(0).matches(column));
    }

    private static Optional<String> noonCrash(Edit edit) {
        List<StorageChoice> choices = edit.design.persistence().storageChoices();
        int cache = -1;
        // The row named a cache wins over a cache-typed row, which wins over a row merely kept in Redis or a CDN;
        // sessions kept in a cache are not what expires at noon.
        for (int pass = 0; pass < 3 && cache < 0; pass++) {
            for (int i = 0; i < choices.size() && cache < 0; i++) {
                StorageChoice c = choices.get(i);
                boolean match = switch (pass) {
                    case 0 -> c.data().toLowerCase(Locale.ROOT).contains("cache");
                    case 1 -> c.type() == StorageType.CACHE;
                    default -> CACHE_SYSTEM.matcher(c.system()).find();
                };
                if (match && !SESSION.matcher(c.data()).find()) {
                    cache = i;
                }
            }
        }
        if (cache < 0) {
            return Optional.of("no storage choice is a cache");
        }
        StorageChoice c = choices.get(cache);
        String note = "Expiry: every entry's TTL gets a random extra of up to 10% of it, so entries written together "
                + "expire apart; one request per key rebuilds an expired entry (single-flight) while the others get "
                + "the stale value for a few seconds; before a known peak the cache is warmed with staggered TTLs.";
        if (c.justification().contains(note)) {
            return Optional.of("the storage choice '" + c.data() + "' already states jitter and single-flight rebuilds");
        }
        edit.set("persistence.storage_choices[" + cache + "].justification", join(c.justification(), note),
                "TTL jitter, single-flight rebuilds and a staggered warm-up for " + c.data());
        return Optional.empty();
    }

    private static Optional<String> appendText(Edit edit, ScenarioCard card, String path) {
        String old = (String) DesignPath.parse(path).get(edit.design);
        String example = card.fix().example().strip();
        if (old != null && old.contains(example)) {
            return Optional.of(path + " already states this");
        }
        edit.set(path, join(old, example), "states " + firstWords(card.fix().text()));
        return Optional.empty();
    }

    private static Optional<String> stateTrap(Edit edit, ScenarioCard card) {
        List<StorageChoice> rows = rows(card, "persistence:\n  storage_choices:\n" + indent(card.fix().example(), 4))
                .persistence().storageChoices();
        StorageChoice shared = rows.get(0);
        List<StorageChoice> choices = edit.design.persistence().storageChoices();
        for (int i = 0; i < choices.size(); i++) {
            StorageChoice c = choices.get(i);
            if (!SESSION.matcher(c.data()).find()) {
                continue;
            }
            if (!LOCAL_MEMORY.matcher(c.system() + " " + c.justification()).find()) {
                return Optional.of("sessions are already kept in " + (c.system().isBlank() ? "a store of their own" : c.system()));
            }
            // Keep the design's own name for the data, so the data element and the other sections still match it.
            StorageChoice replaced = new StorageChoice(c.data(), shared.type(), shared.system(), shared.justification(),
                    shared.accessPatterns());
            List<StorageChoice> edited = new ArrayList<>(choices);
            edited.set(i, replaced);
            edit.set("persistence.storage_choices", List.copyOf(edited), "moves '" + c.data() + "' from " + c.system()
                    + " to a shared " + shared.type().id() + " store");
            return Optional.empty();
        }
        return addStorage(edit, rows);
    }

    private static Optional<String> upload4k(Edit edit, ScenarioCard card) {
        String example = card.fix().example();
        int split = example.indexOf("strategies:");
        Design parsed = rows(card, "persistence:\n" + indent(example.substring(0, split), 2) + "sharing:\n"
                + indent(example.substring(split), 2));
        // The object-storage row is for designs that take files; a design whose long work is an import or a report
        // gets only the job table and the queue.
        List<StorageChoice> rows = parsed.persistence().storageChoices().stream()
                .filter(c -> c.type() != StorageType.FILE_STORAGE || takesFiles(edit.design)).toList();
        Optional<String> refused = addStorage(edit, rows);
        if (refused.isPresent()) {
            return refused;
        }
        List<SyncStrategy> strategies = new ArrayList<>(edit.design.sharing().strategies());
        for (SyncStrategy s : parsed.sharing().strategies()) {
            strategies.add(s);
            edit.set("sharing.strategies", strategies, "adds the strategy '" + s.name() + "'");
        }
        return Optional.empty();
    }

    private static boolean takesFiles(Design design) {
        StringBuilder text = new StringBuilder(design.summary());
        design.persistence().dataElements().forEach(e -> text.append('\n').append(e.name()).append(' ').append(e.description()));
        design.persistence().storageChoices().forEach(c -> text.append('\n').append(c.data()).append(' ').append(c.accessPatterns()));
        return FILES.matcher(text).find();
    }

    private static Optional<String> addStorage(Edit edit, List<StorageChoice> rows) {
        List<DataElement> elements = new ArrayList<>(edit.design.persistence().dataElements());
        List<StorageChoice> choices = new ArrayList<>(edit.design.persistence().storageChoices());
        int added = 0;
        for (StorageChoice row : rows) {
            boolean present = choices.stream().anyMatch(c -> c.data().equalsIgnoreCase(row.data()));
            if (present) {
                continue;
            }
            if (elements.stream().noneMatch(e -> e.name().equalsIgnoreCase(row.data()))) {
                elements.add(new DataElement(row.data(), row.system(), row.justification(), DataSize.UNSPECIFIED));
                edit.set("persistence.data_elements", List.copyOf(elements), "adds the data element '" + row.data() + "'");
            }
            choices.add(row);
            edit.set("persistence.storage_choices", List.copyOf(choices), "adds the storage choice '" + row.data() + "' ("
                    + (row.type() == null ? "" : row.type().id()) + ")");
            added++;
        }
        return added == 0 ? Optional.of("the design already has storage choices for " + rows.stream().map(StorageChoice::data).toList())
                : Optional.empty();
    }

    private static Optional<String> strategy(Edit edit, ScenarioCard card, boolean replacePolling) {
        List<SyncStrategy> parsed = rows(card, "sharing:\n  strategies:\n" + indent(card.fix().example(), 4)).sharing().strategies();
        List<SyncStrategy> strategies = new ArrayList<>(edit.design.sharing().strategies());
        for (SyncStrategy s : parsed) {
            if (strategies.stream().anyMatch(x -> x.name().equalsIgnoreCase(s.name()))) {
                return Optional.of("sharing.strategies already has '" + s.name() + "'");
            }
            int polling = -1;
            for (int i = 0; replacePolling && i < strategies.size() && polling < 0; i++) {
                SyncStrategy x = strategies.get(i);
                if (POLLING.matcher(x.name() + " " + x.description() + " " + x.frequency().text()).find()) {
                    polling = i;
                }
            }
            if (polling >= 0) {
                String old = strategies.get(polling).name();
                strategies.set(polling, s);
                edit.set("sharing.strategies", List.copyOf(strategies), "replaces the polling strategy '" + old + "' with '" + s.name() + "'");
            } else {
                strategies.add(s);
                edit.set("sharing.strategies", List.copyOf(strategies), "adds the strategy '" + s.name() + "'");
            }
        }
        return Optional.empty();
    }

    /** The card's example rows read as design YAML, so they go through the same strict reader as any design file. */
    private static Design rows(ScenarioCard card, String sections) {
        try {
            return new DesignYaml().read("quorum: 1\nname: fix\n" + sections, "templates/scenarios/" + card.id()
                    + ".yaml (fix.example)").design();
        } catch (DesignFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static String indent(String text, int spaces) {
        StringBuilder out = new StringBuilder();
        for (String line : text.stripTrailing().split("\n", -1)) {
            out.append(line.isBlank() ? "" : " ".repeat(spaces) + line).append('\n');
        }
        return out.toString();
    }

    private static String join(String old, String addition) {
        return old == null || old.isBlank() ? addition : old.stripTrailing() + "\n" + addition;
    }

    private static String firstWords(String text) {
        String t = text.strip();
        int dot = t.indexOf(". ");
        String first = dot > 0 ? t.substring(0, dot) : t;
        return Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }

    private static String bare(String name) {
        String n = name.replace("\"", "").replace("`", "");
        int dot = n.lastIndexOf('.');
        return (dot >= 0 ? n.substring(dot + 1) : n).toLowerCase(Locale.ROOT);
    }
}
