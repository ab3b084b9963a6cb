package dev.quorum.ui.section;

/**
 * A value ready to show: its text, an optional detail line (a quantity's parsed value, an option's help,
 * or why a quantity cannot be read) and whether the detail is a problem.
 */
public record DisplayValue(String text, String detail, boolean problem) {

    /** Shown for a field the design leaves empty. */
    public static final String NOT_SPECIFIED = "Not specified";

    /** A field with nothing in it. */
    public static final DisplayValue EMPTY = new DisplayValue("", "", false);

    public DisplayValue {
        text = text == null ? "" : text;
        detail = detail == null ? "" : detail;
    }

    /** Plain text with no detail. */
    public static DisplayValue of(String text) {
        return new DisplayValue(text, "", false);
    }

    /** True when there is nothing to show but "Not specified". */
    public boolean isEmpty() {
        return text.isBlank();
    }

    /** The text as shown, with "Not specified" for an empty value. */
    public String shown() {
        return isEmpty() ? NOT_SPECIFIED : text;
    }
}
