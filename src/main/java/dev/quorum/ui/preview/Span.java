package dev.quorum.ui.preview;

import java.util.EnumSet;
import java.util.Set;

/**
 * A run of inline text with its styles. A link keeps its target only so that it can be shown; nothing
 * in the preview follows it.
 */
public record Span(String text, Set<Style> styles, String linkTarget) {

    /** The inline styles the preview draws. */
    public enum Style {
        /** Bold. */
        STRONG,
        /** Italic. */
        EMPHASIS,
        /** Monospace code span. */
        CODE,
        /** Link text; the target is shown, never opened. */
        LINK,
        /** Raw inline HTML, shown literally. */
        HTML
    }

    public Span {
        text = text == null ? "" : text;
        styles = styles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(styles));
        linkTarget = linkTarget == null ? "" : linkTarget;
    }

    /** Plain text. */
    public static Span plain(String text) {
        return new Span(text, Set.of(), "");
    }

    /** True when the span has this style. */
    public boolean has(Style style) {
        return styles.contains(style);
    }
}
