package dev.quorum.io;

import dev.quorum.model.Choice;
import dev.quorum.model.ModelPaths;
import dev.quorum.model.Quantity;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Maps a {@link YamlNode} tree onto the model's records by their components. Keys are the components'
 * names in snake_case, so the file follows the records' order, which is the template's order. Only the
 * model's own record types are ever instantiated: the file chooses values, never classes.
 */
final class RecordMapper {

    private final String source;
    private final Map<String, SourcePosition> positions;

    RecordMapper(String source, Map<String, SourcePosition> positions) {
        this.source = source;
        this.positions = positions;
    }

    /** The YAML key of a record component: {@code dataElements} becomes {@code data_elements}. */
    static String key(RecordComponent component) {
        return ModelPaths.key(component);
    }

    <R extends Record> R readRecord(Class<R> type, YamlNode node, String path) throws DesignFormatException {
        positions.put(path, node.position());
        if (node instanceof YamlNode.Scalar s && s.text() == null) {
            return construct(type, new Object[ModelPaths.components(type).size()], path, node.position());
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw error(node.position(), path, "expected a mapping of " + describe(type) + ", found " + node.kind());
        }
        RecordComponent[] components = ModelPaths.components(type).toArray(RecordComponent[]::new);
        Object[] args = new Object[components.length];
        for (Map.Entry<String, YamlNode.Entry> e : mapping.view().entrySet()) {
            int index = indexOf(components, e.getKey());
            String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (index < 0) {
                throw error(e.getValue().keyPosition(), childPath, "unknown key '" + e.getKey() + "'; expected one of: "
                        + Arrays.stream(components).map(RecordMapper::key).collect(Collectors.joining(", ")));
            }
            positions.put(childPath, e.getValue().keyPosition());
            args[index] = readValue(components[index].getGenericType(), e.getValue().value(), childPath);
        }
        return construct(type, args, path, node.position());
    }

    private Object readValue(Type type, YamlNode node, String path) throws DesignFormatException {
        if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
            return readList(pt.getActualTypeArguments()[0], node, path);
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord() && !Quantity.class.isAssignableFrom(raw)) {
            return readRecord(raw.asSubclass(Record.class), node, path);
        }
        String text = scalar(node, path, raw);
        if (raw == String.class) {
            return text == null ? "" : text;
        }
        if (Quantity.class.isAssignableFrom(raw)) {
            return quantity(raw, text == null ? "" : text);
        }
        if (raw == Boolean.class) {
            return bool(text, node, path);
        }
        if (raw.isEnum() && Choice.class.isAssignableFrom(raw)) {
            return choice(raw, text, node, path);
        }
        throw new IllegalStateException("the model has a component type the file format does not know: " + raw);
    }

    private List<Object> readList(Type element, YamlNode node, String path) throws DesignFormatException {
        if (node instanceof YamlNode.Scalar s && s.text() == null) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            throw error(node.position(), path, "expected a list, found " + node.kind()
                    + (node instanceof YamlNode.Scalar ? " (write items as '- item' lines or [a, b])" : ""));
        }
        List<Object> out = new ArrayList<>(seq.items().size());
        for (int i = 0; i < seq.items().size(); i++) {
            String itemPath = path + "[" + i + "]";
            YamlNode item = seq.items().get(i);
            positions.put(itemPath, item.position());
            out.add(readValue(element, item, itemPath));
        }
        return out;
    }

    private String scalar(YamlNode node, String path, Class<?> expected) throws DesignFormatException {
        if (node instanceof YamlNode.Scalar s) {
            return s.text();
        }
        String what = expected == String.class ? "text" : Quantity.class.isAssignableFrom(expected)
                ? "a " + expected.getSimpleName().toLowerCase(Locale.ROOT) + " such as '"
                + example(expected) + "'" : "a single value";
        throw error(node.position(), path, "expected " + what + ", found " + node.kind());
    }

    private static String example(Class<?> quantity) {
        return switch (quantity.getSimpleName()) {
            case "Duration" -> "15 min";
            case "DataSize" -> "10 GB";
            case "Rate" -> "1,000/s";
            default -> "10M rows";
        };
    }

    private static Object quantity(Class<?> type, String text) {
        try {
            return type.getConstructor(String.class).newInstance(text);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("quantity type without a text constructor: " + type, e);
        }
    }

    private Boolean bool(String text, YamlNode node, String path) throws DesignFormatException {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> Boolean.TRUE;
            case "false", "no" -> Boolean.FALSE;
            default -> throw error(node.position(), path, "expected true or false, found '" + text + "'");
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object choice(Class<?> type, String text, YamlNode node, String path) throws DesignFormatException {
        if (text == null || text.isBlank()) {
            return null;
        }
        Class<? extends Choice> choiceType = (Class<? extends Choice>) type;
        java.util.Optional<?> found = Choice.byId((Class) type, text.strip());
        if (found.isEmpty()) {
            throw error(node.position(), path, "unknown value '" + text + "'; allowed: " + Choice.allowedIds(choiceType));
        }
        return found.get();
    }

    private <R extends Record> R construct(Class<R> type, Object[] args, String path, SourcePosition pos)
            throws DesignFormatException {
        Class<?>[] types = ModelPaths.components(type).stream().map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw error(pos, path, "invalid " + describe(type) + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type, e);
        }
    }

    private static int indexOf(RecordComponent[] components, String key) {
        for (int i = 0; i < components.length; i++) {
            if (key(components[i]).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private DesignFormatException error(SourcePosition pos, String path, String reason) {
        return new DesignFormatException(source, pos, path, reason);
    }
}
