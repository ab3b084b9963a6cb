package dev.quorum.diagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DOT text read back by Graphviz's own parser ({@code dot -Tjson0}): every node with its attributes,
 * every edge and every cluster. graphviz-java's Java parser is not used as the oracle because its lexer
 * reads {@code "x\\"} (a string ending in an escaped backslash) as an unterminated string, which the
 * real Graphviz reads correctly; see docs/decisions/0012-diagram-text-is-escaped-not-trusted.md.
 */
record DotStructure(Map<String, Map<String, String>> nodes, List<String> edges, List<String> clusters) {

    static DotStructure parse(String dot) {
        try {
            Process p = new ProcessBuilder("dot", "-Tjson0").redirectErrorStream(false).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream stdout = p.getInputStream()) {
                stdout.transferTo(out);
            }
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("dot cannot read the DOT text: " + err);
            }
            JsonNode json = new ObjectMapper().readTree(out.toByteArray());
            Map<Integer, String> names = new LinkedHashMap<>();
            Map<String, Map<String, String>> nodes = new LinkedHashMap<>();
            List<String> clusters = new ArrayList<>();
            for (JsonNode o : json.path("objects")) {
                if (o.has("nodes") || o.has("subgraphs") || o.path("name").asText().startsWith("cluster")) {
                    clusters.add(o.path("name").asText());
                    continue;
                }
                Map<String, String> attrs = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    attrs.put(e.getKey(), e.getValue().asText());
                }
                names.put(o.path("_gvid").asInt(), o.path("name").asText());
                nodes.put(o.path("name").asText(), attrs);
            }
            List<String> edges = new ArrayList<>();
            for (JsonNode e : json.path("edges")) {
                edges.add(names.get(e.path("tail").asInt()) + " -> " + names.get(e.path("head").asInt()));
            }
            return new DotStructure(nodes, edges, clusters);
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("cannot run dot -Tjson0", e);
        }
    }
}
