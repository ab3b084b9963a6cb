package dev.quorum.diagram;

/**
 * Tidies user text before it goes into any diagram: one line, no control or bidirectional-override
 * characters, and a bounded length, so a hostile or huge name cannot change the picture's structure or
 * make it unrenderable.
 */
public final class DiagramText {

    /** Longest name shown in a box; longer names end with an ellipsis. */
    public static final int NAME_LIMIT = 80;
    /** Longest detail line (a strategy, a conflict rule, a lag) shown in a diagram. */
    public static final int NOTE_LIMIT = 120;

    private DiagramText() {
    }

    /**
     * The text on one line: whitespace and control characters become single spaces, bidirectional
     * controls (which can make a label read backwards) are dropped, and text longer than {@code limit}
     * code points is cut with an ellipsis.
     */
    public static String clean(String text, int limit) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), limit + 8));
        boolean pendingSpace = false;
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isBidiControl(cp) || cp == 0xFEFF) {
                continue;
            }
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                pendingSpace = b.length() > 0;
                continue;
            }
            if (pendingSpace) {
                b.append(' ');
                count++;
                pendingSpace = false;
            }
            if (count >= limit) {
                return b.toString().stripTrailing() + "…";
            }
            b.appendCodePoint(cp);
            count++;
        }
        return b.toString();
    }

    /** A name for a box: {@link #clean} with the name limit. */
    public static String name(String text) {
        return clean(text, NAME_LIMIT);
    }

    /** A detail line: {@link #clean} with the note limit. */
    public static String note(String text) {
        return clean(text, NOTE_LIMIT);
    }

    /**
     * Each line {@link #clean cleaned} and wrapped at spaces to about {@code width} code points, so long
     * notes make tall boxes instead of very wide ones. A word longer than the width stays whole.
     */
    public static java.util.List<String> wrap(java.util.List<String> lines, int limit, int width) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String raw : lines) {
            String line = clean(raw, limit);
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                if (current.length() > 0 && current.codePointCount(0, current.length()) + 1 + word.codePointCount(0, word.length()) > width) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(word);
            }
            out.add(current.toString());
        }
        return out;
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }
}
