package dev.quorum.service.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.io.SourcePosition;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Rule;
import dev.quorum.validate.RuleInfo;
import dev.quorum.validate.RuleRegistry;
import dev.quorum.validate.Severity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings as SARIF 2.1.0, the format GitHub code scanning accepts: one run, every rule's metadata in the
 * driver, and each result located on a line of the design's YAML file by a repository-relative URI.
 */
public final class SarifReport {

    /** The SARIF schema the output follows. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    /** The whole log. */
    public static String render(List<FileFindings> files, RuleRegistry registry, String toolVersion) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Quorum");
        driver.put("semanticVersion", toolVersion);
        driver.put("informationUri", "https://github.com/quorum-dev/quorum/blob/main/docs/rules.md");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Rule rule : registry.rules()) {
            RuleInfo info = rule.info();
            ruleIndex.put(info.id(), ruleIndex.size());
            ObjectNode r = rules.addObject();
            r.put("id", info.id());
            r.put("name", pascal(info.id()));
            r.putObject("shortDescription").put("text", info.summary());
            r.putObject("fullDescription").put("text", info.rationale());
            ObjectNode help = r.putObject("help");
            help.put("text", info.rationale() + "\nBad: " + info.badExample() + "\nGood: " + info.goodExample());
            help.put("markdown", info.rationale() + "\n\nBad:\n\n```\n" + info.badExample() + "\n```\n\nGood:\n\n```\n"
                    + info.goodExample() + "\n```\n");
            r.putObject("defaultConfiguration").put("level", level(info.defaultSeverity()));
            r.putObject("properties").putArray("tags").add(info.category().title());
        }
        run.putObject("originalUriBaseIds").putObject("%SRCROOT%")
                .put("uri", Path.of("").toAbsolutePath().normalize().toUri().toString());
        ArrayNode results = run.putArray("results");
        for (FileFindings f : files) {
            for (Finding finding : f.findings()) {
                ObjectNode result = results.addObject();
                result.put("ruleId", finding.ruleId());
                Integer index = ruleIndex.get(finding.ruleId());
                if (index != null) {
                    result.put("ruleIndex", index);
                }
                result.put("level", level(finding.severity()));
                String text = finding.message() + (finding.fix().isBlank() ? "" : " Fix: " + finding.fix());
                result.putObject("message").put("text", text);
                SourcePosition pos = f.position(finding);
                ObjectNode location = result.putArray("locations").addObject();
                ObjectNode physical = location.putObject("physicalLocation");
                ObjectNode artifact = physical.putObject("artifactLocation");
                String relative = relativePath(f.path());
                if (relative != null) {
                    artifact.put("uri", uri(relative));
                    artifact.put("uriBaseId", "%SRCROOT%");
                } else {
                    // Outside the working tree there is no base to be relative to, so the URI is absolute.
                    artifact.put("uri", Path.of(f.path()).toAbsolutePath().normalize().toUri().toString());
                }
                ObjectNode region = physical.putObject("region");
                region.put("startLine", Math.max(1, pos.line()));
                region.put("startColumn", Math.max(1, pos.column()));
                if (!finding.location().path().isEmpty()) {
                    location.putArray("logicalLocations").addObject()
                            .put("fullyQualifiedName", finding.location().path())
                            .put("kind", "member");
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }

    /** SARIF's level for a severity; SARIF calls info "note". */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * The path relative to the working directory, where code scanning expects it, or null when the file
     * lies outside it.
     */
    static String relativePath(String path) {
        Path p = Path.of(path);
        if (!p.isAbsolute()) {
            return p.normalize().toString();
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = p.normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : null;
    }

    /** A relative path as a URI reference: forward slashes, no leading "./", special characters escaped. */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        StringBuilder b = new StringBuilder();
        for (char c : p.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "/-._~".indexOf(c) >= 0) {
                b.append(c);
            } else {
                for (byte x : String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format(Locale.ROOT, "%02X", x));
                }
            }
        }
        return b.toString();
    }

    private static String pascal(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("[.-]")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }
}
