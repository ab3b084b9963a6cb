package dev.quorum.validate;

import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.sql.SchemaModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What rules read: the design, its schema and queries analysed once per validation, the thresholds,
 * and lookups many rules share. It is immutable and built before any rule runs.
 */
public final class DesignContext {

    private final Design design;
    private final SchemaModel schema;
    private final List<QueryAnalysis> queries;
    private final Thresholds thresholds;
    private final java.util.concurrent.ConcurrentHashMap<String, Object> memo = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param queries one analysis per entry of {@code design.queries()}, in the same order
     */
    public DesignContext(Design design, SchemaModel schema, List<QueryAnalysis> queries, Thresholds thresholds) {
        if (queries.size() != design.queries().size()) {
            throw new IllegalArgumentException("one query analysis per query is needed");
        }
        this.design = design;
        this.schema = schema;
        this.queries = List.copyOf(queries);
        this.thresholds = thresholds;
    }

    /** Parses the design's schema and every query's SQL once, for all rules to share. */
    public static DesignContext of(Design design, Thresholds thresholds) {
        return of(design, thresholds, new SqlCache());
    }

    /** As {@link #of(Design, Thresholds)}, reusing parses from earlier validations through {@code cache}. */
    public static DesignContext of(Design design, Thresholds thresholds, SqlCache cache) {
        SchemaModel schema = cache.schema(design.schema().sql(), design.schema().dialect());
        List<QueryAnalysis> analyses = new ArrayList<>(design.queries().size());
        for (Query q : design.queries()) {
            analyses.add(cache.query(q.sql(), schema));
        }
        return new DesignContext(design, schema, analyses, thresholds);
    }

    /** The design under validation. */
    public Design design() {
        return design;
    }

    /** The primary schema as parsed from the design's SQL. */
    public SchemaModel schema() {
        return schema;
    }

    /** The analysis of {@code design().queries().get(index)}'s SQL. */
    public QueryAnalysis query(int index) {
        return queries.get(index);
    }

    /**
     * A value derived from the design once per validation and shared by every rule that asks with the same
     * key, such as an index of names; rules stay stateless and the work is not repeated per rule or per row.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, java.util.function.Function<DesignContext, T> compute) {
        Object cached = memo.get(key);
        if (cached == null) {
            cached = compute.apply(this);
            Object raced = memo.putIfAbsent(key, cached);
            if (raced != null) {
                cached = raced;
            }
        }
        return (T) cached;
    }

    /** The thresholds in force. */
    public Thresholds thresholds() {
        return thresholds;
    }

    /** The data element names, lower-cased, in design order. */
    public Set<String> dataElementNames() {
        Set<String> names = new LinkedHashSet<>();
        for (DataElement e : design.persistence().dataElements()) {
            if (!e.name().isBlank()) {
                names.add(e.name().strip().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** The sum of the readable size estimates of all data elements, in bytes. */
    public double totalDataBytes() {
        return design.persistence().dataElements().stream()
                .mapToDouble(e -> e.sizeEstimate().bytes().orElse(0)).sum();
    }

    /** True when {@code text} contains {@code word} as a whole word, ignoring case. */
    public static boolean mentions(String text, String word) {
        if (text == null || word == null || word.isBlank()) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    /** True when {@code text} matches any of the regular expressions, ignoring case. */
    public static boolean mentionsAny(String text, String... regexes) {
        if (text == null) {
            return false;
        }
        for (String r : regexes) {
            if (Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
