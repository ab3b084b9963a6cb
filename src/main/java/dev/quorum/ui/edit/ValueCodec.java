package dev.quorum.ui.edit;

import dev.quorum.model.Choice;
import dev.quorum.model.Count;
import dev.quorum.model.DataSize;
import dev.quorum.model.Duration;
import dev.quorum.model.Quantity;
import dev.quorum.model.Rate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns what the user typed into the model's value for a field of a given type, and back. Quantities keep
 * the text as typed; lists are comma separated; options match their id or label. Reading never fails:
 * text that cannot be read stays text inside the quantity and becomes a finding.
 */
public final class ValueCodec {

    private ValueCodec() {
    }

    /** The model value for {@code text} in a field of {@code type}. */
    public static Object parse(Class<?> type, String text) {
        String t = text == null ? "" : text;
        if (type == String.class) {
            return t;
        }
        if (type == Duration.class) {
            return Duration.of(t);
        }
        if (type == DataSize.class) {
            return DataSize.of(t);
        }
        if (type == Rate.class) {
            return Rate.of(t);
        }
        if (type == Count.class) {
            return Count.of(t);
        }
        if (type == List.class) {
            return Arrays.stream(t.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        if (type == Boolean.class) {
            String s = t.strip().toLowerCase(Locale.ROOT);
            return s.isEmpty() ? null : s.equals("yes") || s.equals("true") ? Boolean.TRUE
                    : s.equals("no") || s.equals("false") ? Boolean.FALSE : null;
        }
        if (type.isEnum() && Choice.class.isAssignableFrom(type)) {
            return choice(type, t);
        }
        throw new IllegalArgumentException("no text form for " + type.getSimpleName());
    }

    private static Object choice(Class<?> type, String text) {
        String s = text.strip();
        for (Object constant : type.getEnumConstants()) {
            Choice c = (Choice) constant;
            if (c.id().equalsIgnoreCase(s) || c.label().equalsIgnoreCase(s)) {
                return constant;
            }
        }
        return null;
    }

    /** The text that shows {@code value} in a field; the inverse of {@link #parse}. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Quantity q) {
            return q.text();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof Choice c) {
            return c.label();
        }
        return value.toString();
    }

    /** The enum constant of {@code type} with option id {@code id}, or null. */
    public static Object option(Class<?> type, String id) {
        if (type == Boolean.class) {
            return "yes".equals(id) ? Boolean.TRUE : "no".equals(id) ? Boolean.FALSE : null;
        }
        if (id == null || !type.isEnum()) {
            return null;
        }
        for (Object constant : type.getEnumConstants()) {
            if (((Choice) constant).id().equals(id)) {
                return constant;
            }
        }
        return null;
    }

    /** The option id of a model value: the choice's id, "yes"/"no" for booleans, or null. */
    public static String optionId(Object value) {
        if (value instanceof Choice c) {
            return c.id();
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return null;
    }
}
