package dev.quorum.sim.scenarios;

import dev.quorum.model.AccessPattern;
import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.NodeRole;
import dev.quorum.model.Query;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.ReplicationMode;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.model.TopologyNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures the models take from a design, each with the field it came from. The simulation package may
 * not use the SQL parser, so queries are classified as writes by their access pattern and, for mixed or
 * unset patterns, by the first word of each SQL statement.
 */
public final class DesignFacts {

    private static final Set<String> WRITE_WORDS = Set.of("insert", "update", "delete", "merge", "replace", "upsert");
    private static final Pattern POOL = Pattern.compile(
            "(?i)\\bpool(?:[ _-]?size)?\\s*(?:of|=|:|holds|with|is)?\\s*(\\d[\\d,]*)\\b(?!\\s*(?:%|ms|s\\b|min))"
                    + "|\\b(\\d[\\d,]*)[- ]connection pool");
    private static final String DURATION = "(\\d+(?:\\.\\d+)?\\s*(?:ms|milliseconds?|s|secs?|seconds?|min|minutes?|h|hours?)\\b)";
    private static final Pattern TTL = Pattern.compile("(?i)\\bTTLs?\\s*(?:of|=|:|is)?\\s*" + DURATION + "|" + DURATION + "\\s+TTL\\b");
    private static final Pattern JITTER_PERCENT = Pattern.compile(
            "(?i)(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:random\\s+)?jitter|jitter\\s*(?:of|=|:)?\\s*(?:\\+/-|±|plus or minus)?\\s*(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern NO_JITTER = Pattern.compile("(?i)\\b(?:no|without)\\s+jitter\\b");
    private static final Pattern JITTER = Pattern.compile("(?i)\\bjitter");
    private static final Pattern COALESCING = Pattern.compile(
            "(?i)single[- ]flight|request coalescing|coalesc(?:e|es|ed|ing)\\b|per-key lock|singleflight|dogpile lock");
    private static final Pattern SERVICE_TIME = Pattern.compile(
            "(?i)(?:[x×]\\s*|about\\s+|each\\s+|<\\s*)?(\\d+(?:\\.\\d+)?)\\s*ms\\s+(?:per query|of queries|each|per request)"
                    + "|queries/s\\s*[x×]\\s*(\\d+(?:\\.\\d+)?)\\s*ms");

    private DesignFacts() {
    }

    /** True when a query writes: its pattern is write-heavy, or mixed/unset with a statement starting with a write verb. */
    public static boolean isWrite(Query q) {
        if (q.accessPattern() == AccessPattern.WRITE_HEAVY) {
            return true;
        }
        if (q.accessPattern() == AccessPattern.READ_HEAVY) {
            return false;
        }
        for (String statement : q.sql().split(";")) {
            if (WRITE_WORDS.contains(firstWord(statement))) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String statement) {
        for (String line : statement.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("--")) {
                continue;
            }
            Matcher m = Pattern.compile("^([A-Za-z]+)").matcher(l);
            return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
        }
        return "";
    }

    /** The sum of the frequencies of the write queries. */
    public static Optional<DesignValue> writeRate(Design d) {
        return rate(d, true, false);
    }

    /** The sum of the frequencies of the read queries. */
    public static Optional<DesignValue> readRate(Design d) {
        return rate(d, false, true);
    }

    /** The sum of the frequencies of every query. */
    public static Optional<DesignValue> queryRate(Design d) {
        return rate(d, true, true);
    }

    private static Optional<DesignValue> rate(Design d, boolean writes, boolean reads) {
        double sum = 0;
        List<String> names = new ArrayList<>();
        int unreadable = 0;
        for (Query q : d.queries()) {
            boolean w = isWrite(q);
            if ((w && !writes) || (!w && !reads)) {
                continue;
            }
            OptionalDouble f = q.frequency().perSecond();
            if (f.isEmpty()) {
                unreadable++;
                continue;
            }
            sum += f.getAsDouble();
            names.add(q.name().isBlank() ? "unnamed" : q.name());
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        String kind = writes && reads ? "all queries" : writes ? "write queries" : "read queries";
        String text = kind + ": " + (names.size() > 3 ? String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3)
                + " more" : String.join(", ", names))
                + (unreadable > 0 ? "; " + unreadable + " with an unreadable frequency left out" : "");
        return Optional.of(DesignValue.of(sum, "queries[*].frequency", text));
    }

    private static Set<String> nodeIds(Design d, NodeRole role) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (TopologyNode n : d.replication().topology().nodes()) {
            if (n.role() == role) {
                ids.add(n.id());
            }
        }
        return ids;
    }

    /** The links from a primary to the nodes a failover would promote: standbys when there are any, else replicas. */
    private static List<Integer> failoverLinks(Design d) {
        Set<String> primaries = nodeIds(d, NodeRole.PRIMARY);
        Set<String> targets = nodeIds(d, NodeRole.STANDBY);
        if (targets.isEmpty()) {
            targets = nodeIds(d, NodeRole.REPLICA);
        }
        List<ReplicationLink> links = d.replication().topology().links();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            ReplicationLink l = links.get(i);
            if ((primaries.isEmpty() || primaries.contains(l.from())) && targets.contains(l.to())) {
                out.add(i);
            }
        }
        return out;
    }

    /** The replication mode towards the failover target: sync when any such link is sync, then semi-sync, else async. */
    public static Optional<DesignValue> replicationMode(Design d) {
        List<ReplicationLink> links = d.replication().topology().links();
        ReplicationLink best = null;
        int bestIndex = -1;
        for (int i : failoverLinks(d)) {
            ReplicationLink l = links.get(i);
            if (l.mode() != null && (best == null || strength(l.mode()) > strength(best.mode()))) {
                best = l;
                bestIndex = i;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(DesignValue.choice(best.mode().id(), "replication.topology.links[" + bestIndex + "].mode",
                best.from() + " -> " + best.to() + ": " + best.mode().id()));
    }

    private static int strength(ReplicationMode mode) {
        return switch (mode) {
            case SYNC -> 2;
            case SEMI_SYNC -> 1;
            case ASYNC -> 0;
        };
    }

    /** The design's replication lag: the expected lag, else the largest lag on a link to a replica or standby. */
    public static Optional<DesignValue> lag(Design d) {
        Duration expected = d.replication().expectedLag();
        if (expected.seconds().isPresent() && expected.seconds().getAsDouble() > 0) {
            return Optional.of(DesignValue.of(expected.seconds().getAsDouble(), "replication.expected_lag", quote(expected.text())));
        }
        return largestLinkLag(d, failoverLinks(d), false);
    }

    /**
     * The lag an asynchronous link would have: the expected lag when above zero, else the largest lag on an
     * asynchronous link from the primary. For a synchronous design this is what a switch to async would cost.
     */
    public static Optional<DesignValue> asyncLag(Design d) {
        Duration expected = d.replication().expectedLag();
        if (expected.seconds().isPresent() && expected.seconds().getAsDouble() > 0) {
            return Optional.of(DesignValue.of(expected.seconds().getAsDouble(), "replication.expected_lag", quote(expected.text())));
        }
        Set<String> primaries = nodeIds(d, NodeRole.PRIMARY);
        List<ReplicationLink> links = d.replication().topology().links();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            ReplicationLink l = links.get(i);
            if (l.mode() == ReplicationMode.ASYNC && (primaries.isEmpty() || primaries.contains(l.from()))) {
                candidates.add(i);
            }
        }
        return largestLinkLag(d, candidates, true);
    }

    /** The lag of the links to read replicas (largest), else the expected lag. */
    public static Optional<DesignValue> replicaLag(Design d) {
        Set<String> replicas = nodeIds(d, NodeRole.REPLICA);
        List<ReplicationLink> links = d.replication().topology().links();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            if (replicas.contains(links.get(i).to())) {
                candidates.add(i);
            }
        }
        Optional<DesignValue> fromLinks = largestLinkLag(d, candidates, true);
        return fromLinks.isPresent() ? fromLinks : lag(d);
    }

    /** The lag between primaries (largest link between two primary nodes), else the expected lag. */
    public static Optional<DesignValue> primaryLag(Design d) {
        Set<String> primaries = nodeIds(d, NodeRole.PRIMARY);
        List<ReplicationLink> links = d.replication().topology().links();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            if (primaries.contains(links.get(i).from()) && primaries.contains(links.get(i).to())) {
                candidates.add(i);
            }
        }
        Optional<DesignValue> fromLinks = largestLinkLag(d, candidates, true);
        return fromLinks.isPresent() ? fromLinks : lag(d);
    }

    private static Optional<DesignValue> largestLinkLag(Design d, List<Integer> indexes, boolean positiveOnly) {
        List<ReplicationLink> links = d.replication().topology().links();
        double best = -1;
        int bestIndex = -1;
        for (int i : indexes) {
            OptionalDouble s = links.get(i).lag().seconds();
            if (s.isPresent() && s.getAsDouble() > best && (!positiveOnly || s.getAsDouble() > 0)) {
                best = s.getAsDouble();
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            return Optional.empty();
        }
        ReplicationLink l = links.get(bestIndex);
        return Optional.of(DesignValue.of(best, "replication.topology.links[" + bestIndex + "].lag",
                l.from() + " -> " + l.to() + ": " + quote(l.lag().text())));
    }

    /** A duration field, when it reads. */
    public static Optional<DesignValue> duration(Duration value, String field) {
        OptionalDouble s = value.seconds();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DesignValue.of(s.getAsDouble(), field, quote(value.text())));
    }

    public static Optional<DesignValue> rpo(Design d) {
        return duration(d.backup().recovery().rpo(), "backup.recovery.rpo");
    }

    public static Optional<DesignValue> rto(Design d) {
        return duration(d.backup().recovery().rto(), "backup.recovery.rto");
    }

    public static Optional<DesignValue> detectionTime(Design d) {
        return duration(d.replication().failover().detectionTime(), "replication.failover.detection_time");
    }

    public static Optional<DesignValue> promotionTime(Design d) {
        return duration(d.replication().failover().promotionTime(), "replication.failover.promotion_time");
    }

    public static Optional<DesignValue> failoverMode(Design d) {
        var mode = d.replication().failover().mode();
        return mode == null ? Optional.empty()
                : Optional.of(DesignValue.choice(mode.id(), "replication.failover.mode", mode.id()));
    }

    public static Optional<DesignValue> backupInterval(Design d) {
        return duration(d.backup().strategy().frequency(), "backup.strategy.frequency");
    }

    /** Whether logs ship continuously, as "on" or "off". */
    public static Optional<DesignValue> logShipping(Design d) {
        Boolean shipping = d.backup().strategy().continuousLogShipping();
        return shipping == null ? Optional.empty()
                : Optional.of(DesignValue.choice(shipping ? "on" : "off", "backup.strategy.continuous_log_shipping",
                        shipping.toString()));
    }

    /**
     * The sum of the size estimates of the data a database restore brings back: data kept only in a cache
     * (it rebuilds itself) or only in file storage (object stores replicate and version on their own) is left out.
     */
    public static Optional<DesignValue> dataSize(Design d) {
        Map<String, List<StorageType>> types = new HashMap<>();
        for (StorageChoice c : d.persistence().storageChoices()) {
            types.computeIfAbsent(c.data().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c.type());
        }
        double sum = 0;
        int counted = 0;
        int leftOut = 0;
        for (DataElement e : d.persistence().dataElements()) {
            List<StorageType> t = types.getOrDefault(e.name().strip().toLowerCase(Locale.ROOT), List.of());
            if (!t.isEmpty() && t.stream().allMatch(x -> x == StorageType.CACHE || x == StorageType.FILE_STORAGE)) {
                leftOut++;
                continue;
            }
            OptionalDouble b = e.sizeEstimate().bytes();
            if (b.isPresent()) {
                sum += b.getAsDouble();
                counted++;
            }
        }
        if (counted == 0) {
            return Optional.empty();
        }
        return Optional.of(DesignValue.of(sum, "persistence.data_elements[*].size_estimate",
                "sum of " + counted + " size estimates" + (leftOut > 0 ? "; " + leftOut + " kept only in a cache or file storage left out" : "")));
    }

    /** Nodes with a role, counted. */
    public static Optional<DesignValue> nodeCount(Design d, NodeRole role) {
        Set<String> ids = nodeIds(d, role);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(DesignValue.of(ids.size(), "replication.topology.nodes", role.id() + ": " + String.join(", ", ids)));
    }

    /** A pool size stated in the design's text, such as "a pool of 30 connections" or "pool_size = 5". */
    public static Optional<DesignValue> poolSize(Design d) {
        return new DesignText(d).find(POOL).map(f -> {
            String digits = f.match().group(1) != null ? f.match().group(1) : f.match().group(2);
            return DesignValue.of(Double.parseDouble(digits.replace(",", "")), f.path(), quote(DesignText.excerpt(f)));
        });
    }

    /** A cache TTL stated in the design's text, such as "TTL 300 s" or "a fixed 1 h TTL". */
    public static Optional<DesignValue> cacheTtl(Design d) {
        return new DesignText(d).find(TTL).flatMap(f -> {
            String text = f.match().group(1) != null ? f.match().group(1) : f.match().group(2);
            OptionalDouble s = Duration.of(text).seconds();
            return s.isPresent() && s.getAsDouble() > 0
                    ? Optional.of(DesignValue.of(s.getAsDouble(), f.path(), quote(DesignText.excerpt(f))))
                    : Optional.empty();
        });
    }

    /** The TTL jitter stated in the design's text as a share ("10% random jitter"); "no jitter" reads as 0. */
    public static Optional<DesignValue> jitter(Design d, double unstatedAmount) {
        DesignText text = new DesignText(d);
        Optional<DesignText.Found> percent = text.find(JITTER_PERCENT);
        if (percent.isPresent()) {
            Matcher m = percent.get().match();
            String p = m.group(1) != null ? m.group(1) : m.group(2);
            return Optional.of(DesignValue.of(Double.parseDouble(p) / 100, percent.get().path(), quote(DesignText.excerpt(percent.get()))));
        }
        Optional<DesignText.Found> none = text.find(NO_JITTER);
        if (none.isPresent()) {
            return Optional.of(DesignValue.of(0, none.get().path(), quote(DesignText.excerpt(none.get()))));
        }
        return text.find(JITTER).map(f -> DesignValue.of(unstatedAmount, f.path(),
                "mentions jitter without an amount; " + Unit.RATIO.format(unstatedAmount) + " assumed"));
    }

    /** Whether the design's text says cache misses are coalesced (single flight, a per-key lock). */
    public static Optional<DesignValue> coalescing(Design d) {
        return new DesignText(d).find(COALESCING)
                .map(f -> DesignValue.choice("on", f.path(), quote(DesignText.excerpt(f))));
    }

    /** A per-query service time stated in the text, such as "800 queries/s x 6 ms". */
    public static Optional<DesignValue> serviceTime(Design d) {
        return new DesignText(d).find(SERVICE_TIME).map(f -> {
            String ms = f.match().group(1) != null ? f.match().group(1) : f.match().group(2);
            return DesignValue.of(Double.parseDouble(ms) / 1000, f.path(), quote(DesignText.excerpt(f)));
        });
    }

    /** The design's consistency model id, such as "strong". */
    public static Optional<DesignValue> consistencyModel(Design d) {
        var model = d.consistency().model();
        return model == null ? Optional.empty()
                : Optional.of(DesignValue.choice(model.id(), "consistency.model", model.id()));
    }

    private static String quote(String s) {
        return "'" + s.strip() + "'";
    }

    /** Puts the present values into a map by parameter name, in a fixed order. */
    static void put(Map<String, DesignValue> out, String name, Optional<DesignValue> value) {
        value.ifPresent(v -> out.put(name, v));
    }
}
