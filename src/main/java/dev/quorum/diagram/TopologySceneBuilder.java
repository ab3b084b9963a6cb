package dev.quorum.diagram;

import dev.quorum.diagram.FlowchartScene.Arrow;
import dev.quorum.diagram.FlowchartScene.Box;
import dev.quorum.diagram.FlowchartScene.Frame;
import dev.quorum.diagram.FlowchartScene.Style;
import dev.quorum.model.Datacenter;
import dev.quorum.model.Failover;
import dev.quorum.model.NodeRole;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.Topology;
import dev.quorum.model.TopologyNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the replication topology: datacenters as frames, nodes shaped by role, links labelled with mode
 * and lag, and the failover path in red.
 *
 * <p>The failover targets are the standby nodes and the replicas or standbys that the failover process
 * names by id or name. The path is the chain of links from a primary to each target; a target that no
 * link reaches gets a dashed red promotion arrow from the primary. A design whose process names no
 * target gets no red path and a caption that says so, rather than a guess.
 */
final class TopologySceneBuilder {

    private final Topology topology;
    private final Failover failover;

    TopologySceneBuilder(Topology topology, Failover failover) {
        this.topology = topology;
        this.failover = failover;
    }

    FlowchartScene build() {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, TopologyNode> byId = new LinkedHashMap<>();
        for (TopologyNode n : topology.nodes()) {
            if (!byId.containsKey(n.id())) {
                byId.put(n.id(), n);
                ids.put(n.id(), "n" + ids.size());
            }
        }
        for (ReplicationLink l : topology.links()) {
            for (String end : List.of(l.from(), l.to())) {
                if (!ids.containsKey(end)) {
                    ids.put(end, "n" + ids.size());
                }
            }
        }
        Map<String, String> frames = new LinkedHashMap<>();
        List<Frame> frameList = new ArrayList<>();
        for (Datacenter dc : topology.datacenters()) {
            if (!frames.containsKey(dc.id())) {
                String id = "cluster_" + frames.size();
                frames.put(dc.id(), id);
                frameList.add(new Frame(id, dc.name().isBlank() ? dc.id() : dc.name()));
            }
        }
        for (TopologyNode n : byId.values()) {
            if (!n.datacenter().isBlank() && !frames.containsKey(n.datacenter())) {
                String id = "cluster_" + frames.size();
                frames.put(n.datacenter(), id);
                frameList.add(new Frame(id, n.datacenter()));
            }
        }

        Set<String> targets = targets(byId);
        Set<Integer> pathLinks = new LinkedHashSet<>();
        Set<String> unreached = new LinkedHashSet<>();
        for (String target : targets) {
            List<Integer> path = pathFromPrimary(byId, target);
            if (path == null) {
                unreached.add(target);
            } else {
                pathLinks.addAll(path);
            }
        }

        List<Box> boxes = new ArrayList<>();
        for (Map.Entry<String, String> e : ids.entrySet()) {
            TopologyNode n = byId.get(e.getKey());
            if (n == null) {
                boxes.add(new Box(e.getValue(), List.of(DiagramText.name(e.getKey()), "(not declared)"), BoxShape.PLAIN, "", false));
                continue;
            }
            List<String> lines = new ArrayList<>();
            lines.add(DiagramText.name(n.name().isBlank() ? n.id() : n.name()));
            lines.add(n.role() == null ? "role not set" : n.role().id());
            String frame = n.datacenter().isBlank() ? "" : frames.get(n.datacenter());
            boxes.add(new Box(e.getValue(), lines, shape(n.role()), frame, targets.contains(n.id())));
        }

        List<Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < topology.links().size(); i++) {
            ReplicationLink l = topology.links().get(i);
            List<String> label = new ArrayList<>();
            String text = linkText(l);
            if (!text.isEmpty()) {
                label.add(text);
            }
            boolean highlighted = pathLinks.contains(i);
            if (highlighted) {
                label.add("failover path");
            }
            arrows.add(new Arrow(ids.get(l.from()), ids.get(l.to()), label, style(l), highlighted));
        }
        String primary = byId.values().stream().filter(n -> n.role() == NodeRole.PRIMARY).map(TopologyNode::id).findFirst().orElse(null);
        for (String target : unreached) {
            if (primary != null && !primary.equals(target)) {
                arrows.add(new Arrow(ids.get(primary), ids.get(target), List.of("promoted on failover"), Style.PROMOTION, true));
            }
        }
        if (boxes.isEmpty()) {
            boxes.add(new Box("n0", List.of("Nothing to draw", "the design has no replication topology"), BoxShape.PLAIN, "", false));
        }
        return new FlowchartScene(frameList, boxes, arrows, caption(byId, targets));
    }

    private Set<String> targets(Map<String, TopologyNode> byId) {
        Set<String> targets = new LinkedHashSet<>();
        String process = " " + failover.process().toLowerCase(Locale.ROOT) + " ";
        for (TopologyNode n : byId.values()) {
            if (n.role() == NodeRole.STANDBY) {
                targets.add(n.id());
            } else if (n.role() == NodeRole.REPLICA && (mentions(process, n.id()) || n.name().length() >= 6 && mentions(process, n.name()))) {
                targets.add(n.id());
            }
        }
        return targets;
    }

    /** True when the text names the word or phrase on its own, not as part of a longer id such as pg-fra in pg-fra-replica. */
    static boolean mentions(String text, String phrase) {
        String p = phrase.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(p) + "(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])").matcher(text).find();
    }

    /** The link indexes of the shortest chain from any primary to the target, or null when none reaches it. */
    private List<Integer> pathFromPrimary(Map<String, TopologyNode> byId, String target) {
        Map<String, Integer> via = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TopologyNode n : byId.values()) {
            if (n.role() == NodeRole.PRIMARY && !n.id().equals(target)) {
                queue.add(n.id());
                seen.add(n.id());
            }
        }
        while (!queue.isEmpty()) {
            String at = queue.poll();
            if (at.equals(target)) {
                List<Integer> path = new ArrayList<>();
                String cur = at;
                while (via.containsKey(cur)) {
                    int link = via.get(cur);
                    path.add(0, link);
                    cur = topology.links().get(link).from();
                }
                return path;
            }
            for (int i = 0; i < topology.links().size(); i++) {
                ReplicationLink l = topology.links().get(i);
                if (l.from().equals(at) && seen.add(l.to())) {
                    via.put(l.to(), i);
                    queue.add(l.to());
                }
            }
        }
        return null;
    }

    private String caption(Map<String, TopologyNode> byId, Set<String> targets) {
        StringBuilder b = new StringBuilder("Replication topology. Links: bold sync, solid semi-sync, dashed async, dotted mode not set.");
        String mode = failover.mode() == null ? "mode not set" : failover.mode().id();
        b.append(" Failover (").append(mode);
        if (!failover.detectionTime().isBlank()) {
            b.append(", detection ").append(failover.detectionTime().text().strip());
        }
        if (!failover.promotionTime().isBlank()) {
            b.append(", promotion ").append(failover.promotionTime().text().strip());
        }
        b.append("): ");
        if (targets.isEmpty()) {
            b.append("no standby, and the failover process names no replica, so no failover path is drawn.");
        } else {
            List<String> names = targets.stream().map(t -> byId.get(t).name().isBlank() ? t : byId.get(t).name()).distinct().toList();
            b.append("red marks the path to ").append(String.join(", ", names)).append('.');
        }
        return b.toString();
    }

    /** "async, < 1 s" for a link with a mode and a lag. */
    static String linkText(ReplicationLink link) {
        String mode = link.mode() == null ? "" : link.mode().id();
        String lag = link.lag().text().strip();
        if (mode.isEmpty()) {
            return lag.isEmpty() ? "" : "lag " + lag;
        }
        return lag.isEmpty() ? mode : mode + ", lag " + lag;
    }

    private static Style style(ReplicationLink l) {
        if (l.mode() == null) {
            return Style.UNSPECIFIED;
        }
        return switch (l.mode()) {
            case SYNC -> Style.SYNC;
            case SEMI_SYNC -> Style.SEMI_SYNC;
            case ASYNC -> Style.ASYNC;
        };
    }

    static BoxShape shape(NodeRole role) {
        if (role == null) {
            return BoxShape.PLAIN;
        }
        return switch (role) {
            case PRIMARY -> BoxShape.PRIMARY;
            case REPLICA -> BoxShape.REPLICA;
            case STANDBY -> BoxShape.STANDBY;
            case CACHE -> BoxShape.CACHE;
            case WITNESS -> BoxShape.WITNESS;
            case APPLICATION -> BoxShape.COMPONENT;
            case OTHER -> BoxShape.PLAIN;
        };
    }
}
