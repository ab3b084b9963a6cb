package dev.quorum.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping for user text placed in Markdown. Free text keeps simple Markdown (emphasis, lists), but raw
 * HTML is neutralised and nothing the user writes can open a heading, a fence or a table cell border.
 */
final class MarkdownText {

    private static final Pattern BACKTICK_RUN = Pattern.compile("`+");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("\\s*(=+|-+)\\s*");

    private MarkdownText() {
    }

    /** Escapes a block of free text line by line. */
    static String block(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.strip().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(line(lines[i].stripTrailing()));
        }
        return out.toString();
    }

    /** Escapes one line so that it cannot start a heading, fence, setext underline or HTML block. */
    static String line(String line) {
        String escaped = html(line);
        String trimmed = escaped.stripLeading();
        int indent = escaped.length() - trimmed.length();
        if (trimmed.startsWith("#") || trimmed.startsWith("```") || trimmed.startsWith("~~~")
                || trimmed.startsWith(">") || SETEXT_UNDERLINE.matcher(trimmed).matches() && !trimmed.isEmpty()) {
            return escaped.substring(0, indent) + "\\" + trimmed;
        }
        return escaped;
    }

    /** Text for one table cell: one line, pipes escaped. */
    static String cell(String text) {
        String oneLine = text.strip().replaceAll("\\s*\n\\s*", " ");
        return html(oneLine).replace("|", "\\|");
    }

    /** Text inline after a label: one line, HTML neutralised. */
    static String inline(String text) {
        return html(text.strip().replaceAll("\\s*\n\\s*", " "));
    }

    /** Replaces the characters that would start raw HTML or an entity. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A fenced code block whose fence is longer than any backtick run inside the code. */
    static String fence(String info, String code) {
        int longest = 0;
        Matcher m = BACKTICK_RUN.matcher(code);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        String body = code.endsWith("\n") ? code : code + "\n";
        return fence + info + "\n" + body + fence + "\n";
    }
}
