package dev.quorum.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the position it was read from; the reader builds these before mapping to the model. */
sealed interface YamlNode {

    /** Where the node starts in the source. */
    SourcePosition position();

    /** A short name of the node's kind for error messages. */
    String kind();

    /** A scalar; {@code text} is null for YAML null (an empty value, {@code ~} or {@code null}). */
    record Scalar(String text, SourcePosition position) implements YamlNode {
        @Override
        public String kind() {
            return "a single value";
        }
    }

    /** A sequence of nodes. */
    record Sequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A mapping with its keys in source order and each key's own position. */
    record Mapping(LinkedHashMap<String, Entry> entries, SourcePosition position) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }

        Map<String, Entry> view() {
            return entries;
        }
    }

    /** One key of a mapping: where the key is written, and its value. */
    record Entry(SourcePosition keyPosition, YamlNode value) {
    }
}
