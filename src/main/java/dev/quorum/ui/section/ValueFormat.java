package dev.quorum.ui.section;

import dev.quorum.model.Choice;
import dev.quorum.model.DataSize;
import dev.quorum.model.Quantity;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns model values (text, quantities, options, lists, yes/no) into {@link DisplayValue}s. */
public final class ValueFormat {

    private ValueFormat() {
    }

    /** Describes a value without template context. */
    public static DisplayValue describe(Object value) {
        return describe(value, null, null);
    }

    /** Describes a value; for options, the template supplies the option's help as the detail. */
    public static DisplayValue describe(Object value, TemplateField field, Template template) {
        if (value == null) {
            return DisplayValue.EMPTY;
        }
        if (value instanceof String s) {
            return s.isBlank() ? DisplayValue.EMPTY : DisplayValue.of(s.strip());
        }
        if (value instanceof Quantity q) {
            return quantity(q);
        }
        if (value instanceof Choice c) {
            String help = field == null || template == null ? ""
                    : template.option(field.options(), c.id()).map(o -> o.help()).orElse("");
            return new DisplayValue(c.label(), help, false);
        }
        if (value instanceof Boolean b) {
            return DisplayValue.of(b ? "Yes" : "No");
        }
        if (value instanceof List<?> list) {
            String joined = list.stream().map(String::valueOf).filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
            return joined.isEmpty() ? DisplayValue.EMPTY : DisplayValue.of(joined);
        }
        return DisplayValue.of(value.toString());
    }

    /** A quantity as written, with its parsed value ("15 min" with "→ 900 s") or why it cannot be read. */
    public static DisplayValue quantity(Quantity q) {
        if (q.isBlank()) {
            return DisplayValue.EMPTY;
        }
        String text = q.text().strip();
        if (q.problem().isPresent()) {
            return new DisplayValue(text, "⚠ cannot be read: " + q.problem().get(), true);
        }
        if (q.value().isEmpty()) {
            return DisplayValue.of(text);
        }
        String base = inBaseUnit(q.value().getAsDouble(), q.baseUnit());
        String human = q.humanValue().orElse("");
        if (q instanceof DataSize && !human.isBlank() && !same(human, text)) {
            // Sizes in bytes are long numbers nobody reads; the rounded total is what the estimate means.
            return new DisplayValue(text, "→ " + human, false);
        }
        if (same(base, text)) {
            // "400/s" read as 400/s: repeating it adds nothing.
            return DisplayValue.of(text);
        }
        StringBuilder detail = new StringBuilder("→ ").append(base);
        // The human form only adds something when it differs from both what was typed and the base figure.
        if (!human.isBlank() && !same(human, text) && !same(human, base)) {
            detail.append(" (").append(human).append(')');
        }
        return new DisplayValue(text, detail.toString(), false);
    }

    /** Formats a value in its base unit, for example "900 s", "10,000,000,000 B", "3.333/s". */
    public static String inBaseUnit(double value, String unit) {
        if (Double.isInfinite(value)) {
            return "never";
        }
        String number = number(value);
        if (unit == null || unit.isEmpty()) {
            return number;
        }
        return unit.startsWith("/") ? number + unit : number + " " + unit;
    }

    /** A number with thousands separators and at most three decimals; tiny values keep three significant digits. */
    public static String number(double value) {
        double abs = Math.abs(value);
        if (abs != 0 && abs < 0.001) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(value);
    }

    private static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace("~", "").replaceAll("\\s+", "");
    }
}
