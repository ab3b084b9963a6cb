package dev.quorum.validate.rules;

import dev.quorum.validate.DesignContext;
import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import java.util.ArrayList;
import java.util.Set;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text helpers for the completeness, consistency, recovery and lifecycle rules: they read free text that
 * people wrote, so names are matched loosely (case, underscores, plurals) and without compiling patterns per call.
 */
final class DesignProse {

    private static final Pattern SEPARATORS = Pattern.compile("[_\\-/\\s]+");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*(?:[,;&+]|\\band\\b)\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n\\s*\\n");
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:no|not|nothing|never|without|none|neither|nor|isn't|aren't|doesn't|don't|won't|cannot)\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?:none|n/?a|na|not applicable|nothing|tbd|todo|to do|unknown|no|-+|\\?+|not yet|not decided|undecided)\\b.*");
    private static final Pattern MECHANISM = Pattern.compile(
            "\\b(?:wins?|winner|last[- ]writer?|lww|crdt|merge[sd]?|version\\w*|timestamp\\w*|clock\\w*|partition\\w*|owner\\w*"
                    + "|single[- ]writer|home region|lock\\w*|reject\\w*|refus\\w*|retr(?:y|ies)|compare|seq\\w*|lsn)\\b");

    private DesignProse() {
    }

    /** Lower case, with underscores, hyphens and slashes read as spaces, so "order_items" matches "order items". */
    static String norm(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '_' || c == '-' || c == '/' || Character.isWhitespace(c)) {
                return SEPARATORS.matcher(lower).replaceAll(" ").strip();
            }
        }
        // Nothing to replace or strip: rules normalise every name per query and per row, so skip the regex.
        return lower;
    }

    /** True when {@code normText} contains {@code normPhrase} with no letter or digit on either side. */
    static boolean hasPhrase(String normText, String normPhrase) {
        if (normPhrase.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int i = normText.indexOf(normPhrase, from);
            if (i < 0) {
                return false;
            }
            int end = i + normPhrase.length();
            boolean leftOk = i == 0 || !Character.isLetterOrDigit(normText.charAt(i - 1));
            boolean rightOk = end == normText.length() || !Character.isLetterOrDigit(normText.charAt(end));
            if (leftOk && rightOk) {
                return true;
            }
            from = i + 1;
        }
    }

    /** The singular and plural spellings people use for a name: "customers" also matches "customer". */
    static List<String> variants(String name) {
        String n = norm(name);
        List<String> out = new ArrayList<>();
        if (n.isEmpty()) {
            return out;
        }
        out.add(n);
        if (n.endsWith("ies") && n.length() > 4) {
            out.add(n.substring(0, n.length() - 3) + "y");
        } else if (n.endsWith("s") && !n.endsWith("ss") && n.length() > 3) {
            out.add(n.substring(0, n.length() - 1));
        } else if (n.endsWith("y") && n.length() > 3) {
            out.add(n.substring(0, n.length() - 1) + "ies");
        } else {
            out.add(n + "s");
        }
        return out;
    }

    /**
     * True when normalised text names {@code name}: the whole name in singular or plural, or, for a compound
     * name such as "Restaurants and menus", every part of it.
     */
    static boolean mentionsName(String normText, String name) {
        for (String v : variants(name)) {
            if (hasPhrase(normText, v)) {
                return true;
            }
        }
        String[] parts = LIST_SPLIT.split(name.toLowerCase(Locale.ROOT));
        if (parts.length < 2) {
            return false;
        }
        for (String part : parts) {
            if (part.isBlank()) {
                continue;
            }
            boolean found = false;
            for (String v : variants(part)) {
                if (hasPhrase(normText, v)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** True when two names are the same after normalising case, separators and a plural "s". */
    static boolean sameName(String a, String b) {
        String nb = norm(b);
        if (nb.isEmpty()) {
            return false;
        }
        for (String v : variants(a)) {
            if (v.equals(nb)) {
                return true;
            }
        }
        return false;
    }

    /** True when a list-like label ("orders, payments") is or contains {@code name} as one of its items. */
    static boolean labelNames(String label, String name) {
        if (sameName(name, label)) {
            return true;
        }
        for (String part : LIST_SPLIT.split(label)) {
            if (sameName(name, part)) {
                return true;
            }
        }
        return false;
    }

    /** Joins texts with blank lines between them, skipping blanks. */
    static String join(String... texts) {
        StringBuilder b = new StringBuilder();
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                if (b.length() > 0) {
                    b.append("\n\n");
                }
                b.append(t);
            }
        }
        return b.toString();
    }

    /** The sentences of a text, split at sentence punctuation and blank lines. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String s : SENTENCE_END.split(text)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** True when a match of {@code p} occurs in {@code text} that no negation in the few words before it cancels. */
    static boolean findsAffirmed(Pattern p, String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        Matcher m = p.matcher(text);
        while (m.find()) {
            int from = Math.max(0, m.start() - 30);
            String before = text.substring(from, m.start()).toLowerCase(Locale.ROOT);
            int cut = Math.max(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';')), before.lastIndexOf(':'));
            if (cut >= 0) {
                before = before.substring(cut + 1);
            }
            if (!NEGATION.matcher(before).find()) {
                return true;
            }
        }
        return false;
    }

    /** The first match of {@code p} in {@code text}, or null. */
    static String firstMatch(Pattern p, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = p.matcher(text);
        return m.find() ? m.group() : null;
    }

    /**
     * True when a conflict-resolution text says something real: not blank, and not a placeholder such as
     * "none" or "n/a" unless it goes on to name a mechanism ("None needed: one owner per partition").
     */
    static boolean realResolution(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (PLACEHOLDER.matcher(t).matches()) {
            return MECHANISM.matcher(t).find();
        }
        return true;
    }

    /** The storage choices that hold a data element, through an index built once per validation. */
    static List<StorageChoice> storageOf(DesignContext context, DataElement element) {
        Map<String, List<StorageChoice>> index = context.memo("DesignProse.storageIndex", DesignProse::storageIndex);
        Set<StorageChoice> out = new LinkedHashSet<>();
        for (String v : variants(element.name())) {
            out.addAll(index.getOrDefault(v, List.of()));
        }
        return List.copyOf(out);
    }

    /** True when some data element is named by the storage choice's data label. */
    static boolean namesAnElement(DesignContext context, StorageChoice choice) {
        Set<String> names = context.memo("DesignProse.elementVariants", DesignProse::elementVariants);
        for (String key : labelKeys(choice.data())) {
            if (names.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** True when every storage choice of the element is a cache, which is refilled rather than restored. */
    static boolean onlyCached(DesignContext context, DataElement element) {
        List<StorageChoice> choices = storageOf(context, element);
        return !choices.isEmpty() && choices.stream().allMatch(c -> c.type() == StorageType.CACHE);
    }

    /**
     * The normalised keys a data label answers to: the whole label and each item of a list-like label
     * ("orders, payments"). {@link #labelNames} is true exactly when a variant of the name is among them.
     */
    private static Set<String> labelKeys(String label) {
        Set<String> keys = new LinkedHashSet<>();
        String whole = norm(label);
        if (!whole.isEmpty()) {
            keys.add(whole);
        }
        for (String part : LIST_SPLIT.split(label)) {
            String n = norm(part);
            if (!n.isEmpty()) {
                keys.add(n);
            }
        }
        return keys;
    }

    private static Map<String, List<StorageChoice>> storageIndex(DesignContext context) {
        Map<String, List<StorageChoice>> index = new HashMap<>();
        for (StorageChoice c : context.design().persistence().storageChoices()) {
            if (c.data().isBlank()) {
                continue;
            }
            for (String key : labelKeys(c.data())) {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            }
        }
        return index;
    }

    private static Set<String> elementVariants(DesignContext context) {
        Set<String> out = new HashSet<>();
        for (DataElement e : context.design().persistence().dataElements()) {
            if (!e.name().isBlank()) {
                out.addAll(variants(e.name()));
            }
        }
        return out;
    }

    /** Formats a number with thousands separators and no decimals. */
    static String whole(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A duration for messages with its seconds: "7 min (420 s)", "60 s", "never". */
    static String dur(double seconds) {
        String human = durShort(seconds);
        return Double.isInfinite(seconds) || Math.abs(seconds) < 120 ? human : human + " (" + whole(seconds) + " s)";
    }

    /** A duration for messages in its largest readable unit with at most one decimal: "48.4 min", "7 d". */
    static String durShort(double seconds) {
        if (Double.isInfinite(seconds)) {
            return "never";
        }
        double abs = Math.abs(seconds);
        if (abs < 1) {
            return one(seconds * 1000) + " ms";
        } else if (abs < 120) {
            return one(seconds) + " s";
        } else if (abs < 7200) {
            return one(seconds / 60) + " min";
        } else if (abs < 172800) {
            return one(seconds / 3600) + " h";
        }
        return one(seconds / 86400) + " d";
    }

    private static String one(double v) {
        String s = String.format(Locale.ROOT, "%,.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** Quotes a user-written name for messages. */
    static String q(String s) {
        return "'" + s.strip() + "'";
    }
}
