package dev.quorum.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mermaid text checked line by line against the only constructs our writers use (a subset of Mermaid's
 * flowchart and erDiagram grammars). Every line must match one of them; the labels are returned decoded.
 */
record MermaidStructure(List<String> nodeLabels, List<String> edges, List<String> edgeLabels, List<String> frames) {

    private static final String LABEL = "\"([^\"]*)\"";
    private static final Pattern FLOW_NODE = Pattern.compile(
            "\\s+(n\\d+)(\\[|\\(\\[|\\{\\{|\\[\\(|>|\\[\\\\|\\(\\(\\(|\\{|\\[\\[|\\[/|\\(\\(|\\()" + LABEL
                    + "(\\]|\\]\\)|\\}\\}|\\)\\]|\\\\\\]|/\\]|\\)\\)\\)|\\}|\\]\\]|\\)\\)|\\))");
    private static final Pattern FLOW_EDGE = Pattern.compile("    (n\\d+) (-->|---|-\\.-|==>|-\\.->)(?:\\|" + LABEL + "\\|)? (n\\d+)");
    private static final Pattern SUBGRAPH = Pattern.compile("    subgraph (cluster_\\d+)\\[" + LABEL + "\\]");
    private static final Pattern FIXED = Pattern.compile("flowchart (TB|LR)|    end|    classDef failover stroke:#c0392b,stroke-width:3px"
            + "|    class n\\d+(,n\\d+)* failover|    linkStyle \\d+(,\\d+)* stroke:#c0392b,stroke-width:3px");
    private static final Pattern ER_ENTITY = Pattern.compile("    ([tvm]\\d+)\\[" + LABEL + "\\]( \\{)?");
    private static final Pattern ER_ATTRIBUTE = Pattern.compile(
            "        [A-Za-z_][A-Za-z0-9_\\-()\\[\\]]* [A-Za-z_][A-Za-z0-9_\\-()\\[\\]]*( (PK|FK|UK)(, (PK|FK|UK))*)?( " + LABEL + ")?");
    private static final Pattern ER_RELATION = Pattern.compile("    ([tvm]\\d+) (\\}o|\\|o)(--|\\.\\.)(\\|\\||o\\|) ([tvm]\\d+) : " + LABEL);

    static MermaidStructure flowchart(String text) {
        List<String> nodes = new ArrayList<>();
        List<String> edges = new ArrayList<>();
        List<String> edgeLabels = new ArrayList<>();
        List<String> frames = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m;
            if ((m = FLOW_NODE.matcher(line)).matches()) {
                nodes.add(MermaidReader.decode(m.group(3)));
            } else if ((m = FLOW_EDGE.matcher(line)).matches()) {
                edges.add(m.group(1) + " " + m.group(4));
                edgeLabels.add(m.group(3) == null ? "" : MermaidReader.decode(m.group(3)));
            } else if ((m = SUBGRAPH.matcher(line)).matches()) {
                frames.add(MermaidReader.decode(m.group(2)));
            } else if (!FIXED.matcher(line).matches()) {
                throw new AssertionError("not a line our flowchart grammar allows: " + line);
            }
        }
        return new MermaidStructure(nodes, edges, edgeLabels, frames);
    }

    static MermaidStructure erDiagram(String text) {
        List<String> entities = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        List<String> relationLabels = new ArrayList<>();
        boolean inBlock = false;
        for (String line : text.split("\n")) {
            Matcher m;
            if (line.equals("erDiagram")) {
                continue;
            }
            if (inBlock) {
                if (line.equals("    }")) {
                    inBlock = false;
                } else if (!ER_ATTRIBUTE.matcher(line).matches()) {
                    throw new AssertionError("not an attribute line our erDiagram grammar allows: " + line);
                }
            } else if ((m = ER_ENTITY.matcher(line)).matches()) {
                entities.add(MermaidReader.decode(m.group(2)));
                inBlock = m.group(3) != null;
            } else if ((m = ER_RELATION.matcher(line)).matches()) {
                relations.add(m.group(1) + " " + m.group(5));
                relationLabels.add(MermaidReader.decode(m.group(6)));
            } else {
                throw new AssertionError("not a line our erDiagram grammar allows: " + line);
            }
        }
        return new MermaidStructure(entities, relations, relationLabels, List.of());
    }
}
