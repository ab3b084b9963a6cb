package dev.quorum.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.quorum.model.Choice;
import dev.quorum.model.Design;
import dev.quorum.model.ModelPaths;
import dev.quorum.model.Quantity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code *.quorum.yaml} design files. Reading is strict (see {@link StrictYamlReader});
 * writing is canonical: every key in template order, quantities as the user typed them, multi-line text
 * as literal blocks, so that write-read-write gives the same bytes.
 */
public final class DesignYaml {

    /** The format version written as {@code quorum: 1} at the top of every file. */
    public static final int FORMAT_VERSION = 1;

    private static final String VERSION_KEY = "quorum";

    private final StrictYamlReader reader = new StrictYamlReader();
    private final YAMLFactory writerFactory = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    /** Reads a design file from disk; the file name is used in error messages. */
    public DesignFile read(Path file) throws DesignFormatException, IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long size = Files.size(file);
        if (size > StrictYamlReader.MAX_CHARS) {
            throw new DesignFormatException(name, SourcePosition.UNKNOWN, "", "file is " + (size / (1024 * 1024))
                    + " MB; a design file may be at most " + (StrictYamlReader.MAX_CHARS / (1024 * 1024)) + " MB");
        }
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DesignFormatException(name, SourcePosition.UNKNOWN, "", "the file is not UTF-8 text");
        }
        return read(text, name);
    }

    /** Reads design text; {@code source} names it in error messages. */
    public DesignFile read(String text, String source) throws DesignFormatException {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        YamlNode root = reader.read(text, source);
        if (!(root instanceof YamlNode.Mapping mapping)) {
            throw new DesignFormatException(source, root.position(), "",
                    "a design file is a mapping that starts with 'quorum: " + FORMAT_VERSION + "', found " + root.kind());
        }
        LinkedHashMap<String, YamlNode.Entry> body = new LinkedHashMap<>(mapping.view());
        YamlNode.Entry version = body.remove(VERSION_KEY);
        if (version == null) {
            throw new DesignFormatException(source, root.position(), "",
                    "not a Quorum design: 'quorum: " + FORMAT_VERSION + "' is missing at the top");
        }
        checkVersion(version, source);
        Map<String, SourcePosition> positions = new HashMap<>();
        RecordMapper mapper = new RecordMapper(source, positions);
        Design design = mapper.readRecord(Design.class, new YamlNode.Mapping(body, root.position()), "");
        positions.remove("");
        return new DesignFile(headerComment(text), design, positions);
    }

    private static void checkVersion(YamlNode.Entry version, String source) throws DesignFormatException {
        String v = version.value() instanceof YamlNode.Scalar s ? s.text() : null;
        if (v == null || !v.strip().matches("\\d+")) {
            throw new DesignFormatException(source, version.value().position(), VERSION_KEY,
                    "expected the format version " + FORMAT_VERSION + ", found " + (v == null ? version.value().kind() : "'" + v + "'"));
        }
        int n = Integer.parseInt(v.strip());
        if (n > FORMAT_VERSION) {
            throw new DesignFormatException(source, version.value().position(), VERSION_KEY,
                    "written in format " + n + " by a newer Quorum; this version reads format " + FORMAT_VERSION);
        }
        if (n < 1) {
            throw new DesignFormatException(source, version.value().position(), VERSION_KEY,
                    "format version " + n + " does not exist; expected " + FORMAT_VERSION);
        }
    }

    /** The comment and blank lines before the first line of content, exactly as written. */
    static String headerComment(String text) {
        int end = 0;
        int i = 0;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            int lineEnd = nl < 0 ? text.length() : nl + 1;
            String line = text.substring(i, lineEnd).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                break;
            }
            end = lineEnd;
            i = lineEnd;
        }
        return text.substring(0, end).replace("\r\n", "\n");
    }

    /** Writes a design in canonical form, with its header comment first. */
    public String write(DesignFile file) {
        String header = file.headerComment();
        if (!header.isEmpty() && !header.endsWith("\n")) {
            header += "\n";
        }
        return header + write(file.design());
    }

    /** Writes a design in canonical form. */
    public String write(Design design) {
        StringWriter out = new StringWriter();
        try (YAMLGenerator g = (YAMLGenerator) writerFactory.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName(VERSION_KEY);
            g.writeNumber(FORMAT_VERSION);
            writeComponents(g, design);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing YAML to memory failed", e);
        }
        return out.toString();
    }

    /** Writes a design to a file atomically: a temporary file in the same folder, then a rename. */
    public void write(DesignFile file, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".quorum-", ".tmp");
        try {
            Files.writeString(tmp, write(file), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeComponents(JsonGenerator g, Record record) throws IOException {
        for (RecordComponent c : ModelPaths.components(record.getClass())) {
            g.writeFieldName(RecordMapper.key(c));
            writeValue(g, accessor(c, record));
        }
    }

    private void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeString("");
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Quantity q) {
            g.writeString(q.text());
        } else if (value instanceof Choice c) {
            g.writeString(c.id());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Record r) {
            g.writeStartObject();
            writeComponents(g, r);
            g.writeEndObject();
        } else {
            throw new IllegalStateException("the file format cannot write " + value.getClass());
        }
    }

    private static Object accessor(RecordComponent c, Record record) {
        return ModelPaths.value(c, record);
    }
}
