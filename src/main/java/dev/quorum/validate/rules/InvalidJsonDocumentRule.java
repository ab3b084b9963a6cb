package dev.quorum.validate.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.quorum.model.DocumentStructure;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.io.IOException;
import java.util.List;

/** Reports a document structure whose example JSON does not parse. */
public final class InvalidJsonDocumentRule extends AbstractRule {

    /** An example document is a page or two; anything larger is pasted data, not a structure. */
    static final int MAX_CHARS = 200_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(100).maxStringLength(MAX_CHARS).maxNumberLength(200).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public InvalidJsonDocumentRule() {
        super("completeness.invalid-json-document", Severity.WARNING, RuleCategory.COMPLETENESS,
                "A document structure's example JSON does not parse.",
                "The document structure is the NoSQL counterpart of schema.sql: readers and tools take the example as "
                        + "the contract. JSON that does not parse (a trailing comma, a comment, single quotes) cannot be "
                        + "rendered or compared with the queries.",
                "json: '{ \"user_id\": 1, \"tags\": [\"a\", \"b\",], }'",
                "json: '{ \"user_id\": 1, \"tags\": [\"a\", \"b\"] }'");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        List<DocumentStructure> docs = context.design().schema().documents();
        for (int i = 0; i < docs.size(); i++) {
            DocumentStructure d = docs.get(i);
            String json = d.json();
            if (json.isBlank()) {
                continue;
            }
            String label = "collection " + (d.collection().isBlank() ? String.valueOf(i + 1) : DesignProse.q(d.collection()));
            Location at = Location.item("schema", label, "schema.documents[" + i + "].json");
            if (json.length() > MAX_CHARS) {
                sink.report(at, label + ": the example document has " + DesignProse.whole(json.length())
                                + " characters, more than the " + DesignProse.whole(MAX_CHARS) + " Quorum parses",
                        "Shorten the example to one representative document, with one or two entries per array.");
                continue;
            }
            try {
                JsonNode root = MAPPER.readTree(json);
                if (root != null && !root.isObject() && !root.isArray()) {
                    sink.report(at, label + ": the example is a JSON " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                                    + ", not a document",
                            "Write the example as a JSON object, for example { \"_id\": \"...\", \"field\": 1 }.");
                }
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
                int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
                String where = line > 0 ? " at line " + line + ", column " + column : "";
                String why = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getOriginalMessage());
                sink.report(line > 0 ? at.atLine(line) : at,
                        label + ": the example JSON does not parse" + where + ": " + why,
                        "Fix the JSON" + where + ": use double quotes, no trailing commas and no comments.");
            } catch (IOException e) {
                sink.report(at, label + ": the example JSON cannot be read: " + firstLine(String.valueOf(e.getMessage())),
                        "Fix the JSON so it parses: double quotes, no trailing commas, no comments.");
            }
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }
}
