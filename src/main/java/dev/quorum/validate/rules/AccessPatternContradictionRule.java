package dev.quorum.validate.rules;

import dev.quorum.model.AccessPattern;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.model.StorageChoice;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reports frequent queries whose access pattern contradicts what the storage choice says about its data. */
public final class AccessPatternContradictionRule extends AbstractRule {

    private static final Pattern READ_HEAVY = Pattern.compile(
            "\\bread[- ]heavy\\b|\\bread[- ]mostly\\b|\\bmostly read|\\bread[- ]only\\b|\\bread far more\\b"
                    + "|\\bread much more\\b|\\brarely (?:written|updated|changed|changes|modified)\\b"
                    + "|\\bwrite[- ]once,? read[- ]many\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WRITE_HEAVY = Pattern.compile(
            "\\bwrite[- ]heavy\\b|\\bwrite[- ]mostly\\b|\\bmostly writ|\\binsert[- ]heavy\\b|\\bappend[- ]only\\b"
                    + "|\\brarely read\\b|\\bwritten far more\\b|\\bingest",
            Pattern.CASE_INSENSITIVE);

    public AccessPatternContradictionRule() {
        super("query.access-pattern-contradiction", Severity.INFO, RuleCategory.QUERY,
                "A frequent query's access pattern contradicts the storage choice of the data it reads or writes.",
                "Storage is chosen for its access pattern: a store tuned and justified as read-heavy (replicas, "
                        + "caches, many indexes) suffers under a frequent write-heavy query, and an append-only store "
                        + "is a poor fit for frequent reads. Either the storage choice or the query's access_pattern is "
                        + "out of date. Only storage access_patterns text that says clearly one or the other "
                        + "(read-heavy, read-mostly, rarely written; write-heavy, append-only, rarely read) is compared.",
                "storage access_patterns: read-heavy; query 'Record click' (write-heavy, 500/s) writes it",
                "storage access_patterns: write-heavy ingest, read by hourly rollups");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design d = context.design();
        List<Query> queries = d.queries();
        List<StorageChoice> storage = d.persistence().storageChoices();
        // Indexed once: comparing every frequent query with every storage choice made this rule the slowest.
        // Choices by singular name answer QueryFacts.sameName; choices grouped by system text answer hasPhrase.
        Map<String, List<Integer>> bySingularName = new HashMap<>();
        Map<String, List<Integer>> bySystem = new LinkedHashMap<>();
        boolean[] saysRead = new boolean[storage.size()];
        boolean[] saysWrite = new boolean[storage.size()];
        for (int j = 0; j < storage.size(); j++) {
            String name = LessonTexts.norm(storage.get(j).data());
            if (!name.isEmpty()) {
                bySingularName.computeIfAbsent(QueryFacts.singular(name), k -> new ArrayList<>()).add(j);
            }
            bySystem.computeIfAbsent(LessonTexts.norm(storage.get(j).system()), k -> new ArrayList<>()).add(j);
            saysRead[j] = READ_HEAVY.matcher(storage.get(j).accessPatterns()).find();
            saysWrite[j] = WRITE_HEAVY.matcher(storage.get(j).accessPatterns()).find();
        }
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            AccessPattern p = q.accessPattern();
            if (p == null || p == AccessPattern.MIXED || !QueryFacts.frequent(context, q)) {
                continue;
            }
            Set<String> data = new LinkedHashSet<>();
            for (String entry : q.dataAccessed()) {
                if (entry != null && !entry.isBlank()) {
                    data.add(LessonTexts.norm(entry));
                }
            }
            for (String t : context.query(i).tables()) {
                data.add(LessonTexts.norm(QueryFacts.bare(t)));
                QueryFacts.elementFor(context, t).ifPresent(e -> data.add(LessonTexts.norm(e.name())));
            }
            boolean[] covered = covered(data, bySingularName, bySystem, storage.size());
            for (int j = 0; j < storage.size(); j++) {
                StorageChoice s = storage.get(j);
                if (!covered[j] || saysRead[j] == saysWrite[j]) {
                    continue;
                }
                boolean contradiction = p == AccessPattern.WRITE_HEAVY ? saysRead[j] : saysWrite[j];
                if (!contradiction) {
                    continue;
                }
                sink.report(QueryFacts.at(q, i, "access_pattern"),
                        QueryFacts.label(q, i) + " is " + p.id() + " at " + QueryFacts.human(QueryFacts.rate(q).getAsDouble())
                                + ", but the storage choice for '" + s.data().strip() + "' (persistence.storage_choices[" + j
                                + "].access_patterns) describes it as " + (saysRead[j] ? "read-heavy" : "write-heavy"),
                        "Correct whichever is out of date: the query's access_pattern, or the storage choice and its "
                                + "access_patterns (a " + (saysRead[j] ? "write" : "read")
                                + "-heavy load may need a different store, fewer indexes or a cache).");
            }
        }
    }

    /**
     * Which storage choices the data covers: a choice whose data has the same name as an entry
     * ({@link QueryFacts#sameName}), or whose system names an entry as a whole phrase.
     */
    private static boolean[] covered(Set<String> data, Map<String, List<Integer>> bySingularName,
            Map<String, List<Integer>> bySystem, int size) {
        boolean[] covered = new boolean[size];
        for (String d : data) {
            if (!d.isEmpty()) {
                for (int j : bySingularName.getOrDefault(QueryFacts.singular(d), List.of())) {
                    covered[j] = true;
                }
            }
            for (Map.Entry<String, List<Integer>> system : bySystem.entrySet()) {
                if (LessonTexts.hasPhrase(system.getKey(), d)) {
                    for (int j : system.getValue()) {
                        covered[j] = true;
                    }
                }
            }
        }
        return covered;
    }
}
