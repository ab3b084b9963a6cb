package dev.quorum.validate.rules;

import dev.quorum.model.Design;
import dev.quorum.model.DocumentStructure;
import dev.quorum.sql.Column;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports columns and document fields that store passwords, secrets or tokens as they are. */
public final class PlaintextPasswordRule extends AbstractRule {

    private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "pwd", "pass", "passphrase");
    private static final Set<String> SECRET_WORDS = Set.of("secret", "token", "apikey");
    /** Words that say the value is already protected. */
    private static final Set<String> PROTECTED = Set.of("hash", "hashed", "digest", "salt", "salted", "encrypted", "enc",
            "cipher", "ciphertext", "hmac", "bcrypt", "argon2", "argon2id", "scrypt", "pbkdf2", "crypt", "sha256",
            "sha512", "fingerprint", "kms", "wrapped");
    /** Types that cannot hold a password or token: flags, counters, dates. */
    private static final Set<String> NOT_SECRET_TYPES = Set.of("BOOLEAN", "BIT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT",
            "TIMESTAMP", "TIMESTAMPTZ", "DATE", "TIME", "NUMERIC", "DOUBLE", "REAL", "UUID", "INTERVAL");
    private static final Pattern PASSWORD_KDF = Pattern.compile("\\b(?:bcrypt|argon2(?:id|i|d)?|scrypt|pbkdf2)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_PROTECTION = Pattern.compile(
            "\\b(?:bcrypt|argon2(?:id|i|d)?|scrypt|pbkdf2|hash(?:ed|es)?|sha-?(?:256|512)|hmac|encrypt(?:ed|s)?|kms|vault)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?;])\\s+|\\n");
    private static final Pattern JSON_KEY = Pattern.compile("\"([A-Za-z_][A-Za-z0-9_]*)\"\\s*:");

    public PlaintextPasswordRule() {
        super("lesson.plaintext-password", Severity.ERROR, RuleCategory.LESSON,
                "A column or document field stores a password, secret or token in plain text.",
                "Scenario guide: Stolen DB. A dumped table must not reveal passwords: store only a salted, slow, "
                        + "one-way hash (argon2id, or bcrypt), and for API keys and tokens a SHA-256 of the value. "
                        + "Columns named password, pass, pwd, passwd, secret, token or api_key are reported unless "
                        + "the name says hash/digest/encrypted, or the design text names a password hash "
                        + "(bcrypt, argon2, scrypt, PBKDF2) for it.",
                "password VARCHAR(64) NOT NULL",
                "password_hash VARCHAR(255) NOT NULL  -- argon2id (m=64 MiB, t=3, p=1)");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design d = context.design();
        List<String> sentences = sentences(context);
        String[] sqlLines = d.schema().sql().split("\n", -1);
        for (Table t : context.schema().tables()) {
            for (Column c : t.columns()) {
                Kind kind = kind(c.name().name());
                if (kind == null || NOT_SECRET_TYPES.contains(SchemaFacts.family(c))) {
                    continue;
                }
                String line = c.line() > 0 && c.line() <= sqlLines.length ? sqlLines[c.line() - 1] : "";
                if (protectedBy(kind, line, c.name().name(), sentences)) {
                    continue;
                }
                report(sink, SchemaFacts.at(t, c), t.name().name() + "." + c.name().name(), c.type(), kind);
            }
        }
        List<DocumentStructure> docs = d.schema().documents();
        for (int i = 0; i < docs.size(); i++) {
            Set<String> seen = new LinkedHashSet<>();
            Matcher m = JSON_KEY.matcher(docs.get(i).json());
            while (m.find()) {
                String key = m.group(1);
                Kind kind = kind(key);
                if (kind == null || !seen.add(key) || protectedBy(kind, "", key, sentences)) {
                    continue;
                }
                report(sink, Location.item(SchemaFacts.SECTION, "collection '" + docs.get(i).collection().strip() + "'",
                        "schema.documents[" + i + "].json"), docs.get(i).collection().strip() + "." + key, "", kind);
            }
        }
    }

    private enum Kind { PASSWORD, SECRET }

    /** What the name says it holds, from its last word(s); null when it is no secret or says it is protected. */
    private static Kind kind(String name) {
        List<String> words = SchemaFacts.words(name);
        if (words.isEmpty() || words.stream().anyMatch(PROTECTED::contains)) {
            return null;
        }
        String last = words.get(words.size() - 1);
        if (PASSWORD_WORDS.contains(last)) {
            return Kind.PASSWORD;
        }
        if (SECRET_WORDS.contains(last)) {
            return Kind.SECRET;
        }
        if (words.size() >= 2 && last.equals("key") && words.get(words.size() - 2).equals("api")) {
            return Kind.SECRET;
        }
        return null;
    }

    private static boolean protectedBy(Kind kind, String sqlLine, String name, List<String> sentences) {
        Pattern protection = kind == Kind.PASSWORD ? PASSWORD_KDF : SECRET_PROTECTION;
        if (protection.matcher(sqlLine).find()) {
            return true;
        }
        String n = LessonTexts.norm(name);
        for (String s : sentences) {
            String ns = LessonTexts.norm(s);
            boolean aboutIt = LessonTexts.hasPhrase(ns, n) || kind == Kind.PASSWORD && LessonTexts.hasPhrase(ns, "password");
            if (aboutIt && protection.matcher(s).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sentences(DesignContext context) {
        List<String> out = new ArrayList<>();
        for (LessonTexts.Field f : LessonTexts.fields(context)) {
            for (String s : SENTENCE.split(f.text())) {
                if (!s.isBlank()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static void report(FindingSink sink, Location at, String what, String type, Kind kind) {
        if (kind == Kind.PASSWORD) {
            sink.report(at,
                    what + (type.isBlank() ? "" : " (" + type + ")") + " stores a password with no hashing named anywhere "
                            + "in the design; whoever dumps the table reads every password",
                    "Store only a password hash: rename it to password_hash VARCHAR(255) and write argon2id "
                            + "(or bcrypt with cost >= 12) hashes, each with its own salt; never store or log the password.");
        } else {
            sink.report(at,
                    what + (type.isBlank() ? "" : " (" + type + ")") + " stores a secret or token as it is; whoever "
                            + "dumps the table can use it",
                    "Store a SHA-256 (or HMAC) of the token and compare hashes, or encrypt it with a key held in a KMS; "
                            + "rename the column to say so (" + what.substring(what.lastIndexOf('.') + 1) + "_hash).");
        }
    }
}
