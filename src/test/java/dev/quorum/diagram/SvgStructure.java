package dev.quorum.diagram;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** An SVG that Graphviz drew, read as XML: the text of every node group and the number of edge groups. */
record SvgStructure(Map<String, List<String>> nodeTexts, int edgeCount, List<String> allTexts) {

    static SvgStructure parse(String svg) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // Graphviz names an external DTD; it must not be fetched.
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            Map<String, List<String>> nodes = new LinkedHashMap<>();
            int edges = 0;
            NodeList groups = doc.getElementsByTagName("g");
            for (int i = 0; i < groups.getLength(); i++) {
                Element g = (Element) groups.item(i);
                String cls = g.getAttribute("class");
                if (cls.equals("node")) {
                    String title = g.getElementsByTagName("title").item(0).getTextContent();
                    nodes.put(title, texts(g));
                } else if (cls.equals("edge")) {
                    edges++;
                }
            }
            return new SvgStructure(nodes, edges, texts(doc.getDocumentElement()));
        } catch (Exception e) {
            throw new AssertionError("the SVG is not well-formed XML", e);
        }
    }

    private static List<String> texts(Element root) {
        List<String> out = new ArrayList<>();
        NodeList texts = root.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            // Graphviz writes spaces in labels as no-break spaces in some versions.
            out.add(texts.item(i).getTextContent().replace('\u00a0', ' '));
        }
        return out;
    }

    /** How many text elements in the whole drawing read exactly this. */
    long count(String text) {
        return allTexts.stream().filter(text::equals).count();
    }
}
