package dev.quorum.service;

import dev.quorum.model.Choice;
import dev.quorum.model.Design;
import dev.quorum.model.Quantity;
import java.util.ArrayList;
import java.util.List;

/** One-line digests of each section's content, such as "6 queries, 2 read-heavy". */
final class SectionDigests {

    private SectionDigests() {
    }

    static String digest(String sectionId, Design d) {
        List<String> parts = new ArrayList<>();
        switch (sectionId) {
            case "persistence" -> {
                parts.add(count(d.persistence().dataElements().size(), "data element"));
                parts.add(count(d.persistence().storageChoices().size(), "storage choice"));
            }
            case "schema" -> {
                if (d.schema().dialect() != null) {
                    parts.add(d.schema().dialect().label());
                }
                parts.add(count(d.schema().sql().isBlank() ? 0 : (int) d.schema().sql().lines().count(), "line") + " of SQL");
                parts.add(count(d.schema().documents().size(), "document structure"));
            }
            case "queries" -> parts.add(count(d.queries().size(), "query", "queries"));
            case "concurrency" -> {
                int filled = 0;
                for (var a : List.of(d.concurrency().reads(), d.concurrency().writes(), d.concurrency().readWrite())) {
                    filled += !a.occurs().isBlank() || !a.concern().isBlank() || !a.handling().isBlank() ? 1 : 0;
                }
                parts.add(filled + " of 3 kinds of access described");
            }
            case "sharing" -> {
                parts.add(count(d.sharing().sharedData().size(), "shared data row"));
                parts.add(count(d.sharing().strategies().size(), "strategy", "strategies"));
                parts.add("diagram of " + count(d.sharing().diagram().nodes().size(), "node") + " and "
                        + count(d.sharing().diagram().edges().size(), "edge"));
            }
            case "consistency" -> parts.add(label(d.consistency().model()));
            case "replication" -> {
                parts.add(label(d.replication().strategy()));
                var t = d.replication().topology();
                parts.add(count(t.datacenters().size(), "datacenter") + ", " + count(t.nodes().size(), "node") + ", "
                        + count(t.links().size(), "link"));
                parts.add("lag " + quantity(d.replication().expectedLag()));
                parts.add(label(d.replication().failover().mode()) + " failover");
            }
            case "backup" -> {
                var b = d.backup().strategy();
                var r = d.backup().recovery();
                parts.add(quantity(b.frequency()) + " " + label(b.type()).toLowerCase(java.util.Locale.ROOT) + " backups");
                parts.add("RPO " + quantity(r.rpo()));
                parts.add("RTO " + quantity(r.rto()));
            }
            case "lifecycle" -> {
                parts.add(label(d.lifecycle().deletion().mode()));
                parts.add("retention " + quantity(d.lifecycle().retentionPeriod()));
            }
            default -> {
            }
        }
        return String.join("; ", parts.stream().filter(p -> !p.isBlank()).toList());
    }

    private static String count(int n, String singular) {
        return count(n, singular, singular + "s");
    }

    private static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static String label(Choice c) {
        return c == null ? "(not chosen)" : c.label();
    }

    private static String quantity(Quantity q) {
        return q.isBlank() ? "(not set)" : q.text().strip();
    }
}
