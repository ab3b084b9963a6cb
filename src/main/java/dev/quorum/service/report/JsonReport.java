package dev.quorum.service.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.io.SourcePosition;
import dev.quorum.validate.Finding;
import java.util.List;

/** Findings as JSON for scripts: one object per file with its findings and where they point. */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The whole report. */
    public static String render(List<FileFindings> files) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode fileArray = root.putArray("files");
        int total = 0;
        for (FileFindings f : files) {
            ObjectNode fileNode = fileArray.addObject();
            fileNode.put("file", f.path());
            fileNode.put("design", f.file().design().name());
            ArrayNode findings = fileNode.putArray("findings");
            for (Finding finding : f.findings()) {
                SourcePosition pos = f.position(finding);
                ObjectNode n = findings.addObject();
                n.put("rule", finding.ruleId());
                n.put("severity", finding.severity().id());
                n.put("section", finding.location().section());
                n.put("item", finding.location().item());
                n.put("path", finding.location().path());
                n.put("line", pos.line());
                n.put("column", pos.column());
                n.put("message", finding.message());
                n.put("fix", finding.fix());
                total++;
            }
        }
        root.put("findings", total);
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }
}
