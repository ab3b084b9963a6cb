package dev.quorum.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree and refuses everything a design file never needs:
 * tags (which other YAML libraries turn into object construction), aliases (alias bombs), duplicate
 * keys, deep nesting and very large input. Nothing in the input is ever executed. Anchors on
 * collections are refused too; Jackson does not report anchors on scalars, which is harmless because
 * nothing can refer to them once every alias is refused.
 */
final class StrictYamlReader {

    /** Larger than any real design (a 400-table design is a few hundred KB) and small enough to read at once. */
    static final int MAX_CHARS = 8 * 1024 * 1024;
    /** A design nests about eight levels deep; anything past this is not a design. */
    static final int MAX_DEPTH = 40;

    private static final Pattern SNAKE_POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private final YAMLFactory factory;

    StrictYamlReader() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_CHARS + 1024);
        loader.setMaxAliasesForCollections(0);
        loader.setNestingDepthLimit(MAX_DEPTH + 10);
        loader.setAllowRecursiveKeys(false);
        factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 10).build())
                .build();
    }

    /** Parses one YAML document; {@code source} names the file in error messages. */
    YamlNode read(String text, String source) throws DesignFormatException {
        if (text.length() > MAX_CHARS) {
            throw new DesignFormatException(source, SourcePosition.UNKNOWN, "",
                    "file is " + (text.length() / (1024 * 1024)) + " MB; a design file may be at most "
                            + (MAX_CHARS / (1024 * 1024)) + " MB");
        }
        try (YAMLParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new DesignFormatException(source, new SourcePosition(1, 1), "", "the file is empty");
            }
            YamlNode root = readValue(parser, source, "", 0);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new DesignFormatException(source, position(parser.currentTokenLocation()), "",
                        "more than one YAML document; a design file holds exactly one");
            }
            return root;
        } catch (DesignFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw translate(e, source);
        }
    }

    private YamlNode readValue(YAMLParser p, String source, String path, int depth)
            throws IOException, DesignFormatException {
        SourcePosition pos = position(p.currentTokenLocation());
        refuseFeatures(p, source, path, pos);
        if (depth > MAX_DEPTH) {
            throw new DesignFormatException(source, pos, path, "nested more than " + MAX_DEPTH + " levels deep");
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    SourcePosition keyPos = position(p.currentTokenLocation());
                    String key = p.currentName();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    if (entries.containsKey(key)) {
                        SourcePosition firstPos = entries.get(key).keyPosition();
                        throw new DesignFormatException(source, keyPos, childPath,
                                "duplicate key '" + key + "' (first at line " + firstPos.line() + ")");
                    }
                    p.nextToken();
                    entries.put(key, new YamlNode.Entry(keyPos, readValue(p, source, childPath, depth + 1)));
                }
                return new YamlNode.Mapping(entries, pos);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, source, path + "[" + items.size() + "]", depth + 1));
                }
                return new YamlNode.Sequence(items, pos);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, pos);
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(p.getText(), pos);
            }
            default -> throw new DesignFormatException(source, pos, path, "unexpected YAML content (" + t + ")");
        }
    }

    private static void refuseFeatures(YAMLParser p, String source, String path, SourcePosition pos)
            throws IOException, DesignFormatException {
        if (p.isCurrentAlias()) {
            throw new DesignFormatException(source, pos, path,
                    "YAML aliases (*" + p.getText() + ") are not allowed in design files; write the value out");
        }
        String anchor = p.getObjectId() == null ? null : p.getObjectId().toString();
        if (anchor != null) {
            throw new DesignFormatException(source, pos, path,
                    "YAML anchors (&" + anchor + ") are not allowed in design files");
        }
        String tag = p.getTypeId() == null ? null : p.getTypeId().toString();
        if (tag != null) {
            throw new DesignFormatException(source, pos, path,
                    "YAML tags (" + tag + ") are not allowed in design files; they are refused, never executed");
        }
    }

    private static SourcePosition position(JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) {
            return SourcePosition.UNKNOWN;
        }
        return new SourcePosition(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    private static DesignFormatException translate(Exception e, String source) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        SourcePosition pos = SourcePosition.UNKNOWN;
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            pos = position(jpe.getLocation());
        }
        Matcher m = SNAKE_POSITION.matcher(message);
        if (pos.line() == 0 && m.find()) {
            pos = new SourcePosition(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        String firstLine = message.lines().findFirst().orElse(message).strip();
        // SnakeYAML says what it was reading (the context) and what went wrong (the problem) on separate lines;
        // both belong in the one-line message, with the problem's own position.
        MarkedYAMLException marked = markedCause(e);
        String detail = firstLine;
        if (marked != null && marked.getProblem() != null) {
            detail = marked.getContext() == null ? marked.getProblem() : marked.getContext() + ": " + marked.getProblem();
            Mark mark = marked.getContext() != null && marked.getContextMark() != null && truncated(marked.getProblem())
                    ? marked.getContextMark() : marked.getProblemMark();
            if (mark != null) {
                pos = new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
            }
        }
        String reason;
        if (message.contains("'\\t'") || message.contains("\\t(TAB)")) {
            reason = "a tab is used for indentation; YAML indents with spaces only";
        } else if (message.contains("exceeds the limit") || message.contains("code point")) {
            reason = "the file is too large for a design file (at most " + (MAX_CHARS / (1024 * 1024)) + " MB)";
        } else if (message.toLowerCase().contains("nesting depth") || message.contains("Document nesting")) {
            reason = "nested more than " + MAX_DEPTH + " levels deep";
        } else if (truncated(message)) {
            reason = "the file ends in the middle of a value; is it truncated? (" + simplify(detail) + ")";
        } else if (message.startsWith("Expected a field name")) {
            reason = "a mapping key must be plain text, not a list or a mapping";
        } else {
            reason = "not valid YAML: " + simplify(detail);
        }
        return new DesignFormatException(source, pos, "", reason);
    }

    private static boolean truncated(String message) {
        return message.contains("end of the stream") || message.contains("end of stream")
                || message.contains("<stream end>") || message.contains("unexpected end");
    }

    private static MarkedYAMLException markedCause(Throwable e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    private static String simplify(String snakeMessage) {
        return snakeMessage.replaceAll("\\s+", " ").replaceAll(" in 'reader', line \\d+, column \\d+:?", "").strip();
    }
}
