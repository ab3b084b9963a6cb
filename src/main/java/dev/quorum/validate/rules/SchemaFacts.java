package dev.quorum.validate.rules;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.Column;
import dev.quorum.sql.ForeignKey;
import dev.quorum.sql.Index;
import dev.quorum.sql.KeyConstraint;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.validate.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What the schema, query and lesson rules share about tables: locations, type families, key columns, names. */
final class SchemaFacts {

    static final String SECTION = "schema";
    static final String SQL_PATH = "schema.sql";

    private static final Pattern ORDERING = Pattern.compile(
            "(?i)\\s+(?:asc|desc)(?:\\s+nulls\\s+(?:first|last))?$|\\s+nulls\\s+(?:first|last)$");
    private static final Pattern QUOTES = Pattern.compile("[\"`\\[\\]]");
    private static final Pattern ARGUMENTS = Pattern.compile("\\(.*?\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

    /**
     * Spellings of one type family, so foreign keys are compared the way the database stores them:
     * SERIAL is an INTEGER with a sequence, INT4 is PostgreSQL's INTEGER, CHARACTER VARYING is VARCHAR.
     */
    private static final Map<String, String> FAMILY = Map.ofEntries(
            Map.entry("SERIAL", "INTEGER"), Map.entry("SERIAL4", "INTEGER"), Map.entry("INT", "INTEGER"),
            Map.entry("INT4", "INTEGER"), Map.entry("INTEGER", "INTEGER"), Map.entry("MEDIUMINT", "INTEGER"),
            Map.entry("BIGSERIAL", "BIGINT"), Map.entry("SERIAL8", "BIGINT"), Map.entry("INT8", "BIGINT"),
            Map.entry("BIGINT", "BIGINT"),
            Map.entry("SMALLSERIAL", "SMALLINT"), Map.entry("SERIAL2", "SMALLINT"), Map.entry("INT2", "SMALLINT"),
            Map.entry("SMALLINT", "SMALLINT"),
            Map.entry("TINYINT", "TINYINT"),
            Map.entry("VARCHAR", "VARCHAR"), Map.entry("CHARACTER VARYING", "VARCHAR"), Map.entry("VARCHAR2", "VARCHAR"),
            Map.entry("CHAR VARYING", "VARCHAR"), Map.entry("NVARCHAR", "NVARCHAR"), Map.entry("NATIONAL CHARACTER VARYING", "NVARCHAR"),
            Map.entry("CHAR", "CHAR"), Map.entry("CHARACTER", "CHAR"), Map.entry("BPCHAR", "CHAR"),
            Map.entry("NCHAR", "NCHAR"),
            Map.entry("TEXT", "TEXT"),
            Map.entry("DECIMAL", "NUMERIC"), Map.entry("NUMERIC", "NUMERIC"), Map.entry("DEC", "NUMERIC"),
            Map.entry("NUMBER", "NUMERIC"),
            Map.entry("FLOAT8", "DOUBLE"), Map.entry("DOUBLE PRECISION", "DOUBLE"), Map.entry("DOUBLE", "DOUBLE"),
            Map.entry("FLOAT", "DOUBLE"), Map.entry("FLOAT4", "REAL"), Map.entry("REAL", "REAL"),
            Map.entry("BOOL", "BOOLEAN"), Map.entry("BOOLEAN", "BOOLEAN"), Map.entry("BIT", "BIT"),
            Map.entry("TIMESTAMP", "TIMESTAMP"), Map.entry("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP"),
            Map.entry("DATETIME", "TIMESTAMP"), Map.entry("DATETIME2", "TIMESTAMP"),
            Map.entry("TIMESTAMPTZ", "TIMESTAMPTZ"), Map.entry("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ"),
            Map.entry("DATETIMEOFFSET", "TIMESTAMPTZ"),
            Map.entry("UUID", "UUID"), Map.entry("UNIQUEIDENTIFIER", "UUID"));

    private static final Set<String> FLOATS = Set.of("FLOAT", "FLOAT4", "FLOAT8", "REAL", "DOUBLE", "DOUBLE PRECISION",
            "BINARY_FLOAT", "BINARY_DOUBLE", "SMALLFLOAT");

    /**
     * Types whose values are stored out of line or without a length bound: the character and binary
     * large objects of every dialect, plus JSON, JSONB and XML, which PostgreSQL TOASTs and MySQL stores
     * like LONGTEXT. SQL Server's VARCHAR(MAX) family is matched on the written type.
     */
    private static final Set<String> LOBS = Set.of("TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "NTEXT", "CLOB", "NCLOB",
            "DBCLOB", "CHARACTER LARGE OBJECT", "BINARY LARGE OBJECT", "BLOB", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB",
            "BYTEA", "IMAGE", "LONG", "LONG RAW", "JSON", "JSONB", "XML");

    private SchemaFacts() {
    }

    static String label(Table t) {
        return "table " + t.name().name();
    }

    static Location at(Table t) {
        return Location.item(SECTION, label(t), SQL_PATH).atLine(t.line());
    }

    static Location at(Table t, Column c) {
        return Location.item(SECTION, "column " + t.name().name() + "." + c.name().name(), SQL_PATH).atLine(lineOr(c.line(), t));
    }

    static Location at(Table t, Index i) {
        String name = i.name().isBlank() ? "on " + t.name().name() : i.name();
        return Location.item(SECTION, "index " + name, SQL_PATH).atLine(lineOr(i.line(), t));
    }

    static Location at(Table t, ForeignKey fk) {
        return Location.item(SECTION, "foreign key " + t.name().name() + "(" + names(fk.columns()) + ")", SQL_PATH)
                .atLine(lineOr(fk.line(), t));
    }

    private static int lineOr(int line, Table t) {
        return line > 0 ? line : t.line();
    }

    /** An index or key column folded for comparison: quotes and ASC/DESC/NULLS ordering removed. */
    static String key(SqlName name) {
        return key(name.name());
    }

    static String key(String raw) {
        if (plainWord(raw)) {
            // Neither pattern can match without a space or a quote; rules call this per column, so skip the regexes.
            return raw.toLowerCase(Locale.ROOT);
        }
        String s = ORDERING.matcher(raw.strip()).replaceAll("");
        return QUOTES.matcher(s).replaceAll("").strip().toLowerCase(Locale.ROOT);
    }

    private static boolean plainWord(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '`' || c == '[' || c == ']') {
                return false;
            }
        }
        return true;
    }

    static List<String> keys(List<SqlName> names) {
        List<String> out = new ArrayList<>(names.size());
        for (SqlName n : names) {
            out.add(key(n));
        }
        return out;
    }

    static String names(List<SqlName> names) {
        List<String> out = new ArrayList<>(names.size());
        for (SqlName n : names) {
            out.add(n.name());
        }
        return String.join(", ", out);
    }

    /** The written base type upper-cased with arguments and array brackets removed, e.g. {@code CHARACTER VARYING}. */
    static String baseType(Column c) {
        String base = c.baseType().isBlank() ? c.type() : c.baseType();
        base = ARGUMENTS.matcher(base).replaceAll(" ").replace("[]", " ");
        return SPACES.matcher(base.toUpperCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The type family used to compare a foreign key with its target; unknown types (domains) compare as written. */
    static String family(Column c) {
        String base = baseType(c);
        boolean unsigned = base.contains("UNSIGNED") || c.type().toUpperCase(Locale.ROOT).contains("UNSIGNED");
        base = base.replace("UNSIGNED", "").replace("SIGNED", "").replace("ZEROFILL", "").strip();
        base = SPACES.matcher(base).replaceAll(" ");
        String family = FAMILY.getOrDefault(base, base);
        return unsigned ? family + " UNSIGNED" : family;
    }

    static boolean isFloat(Column c) {
        return FLOATS.contains(baseType(c));
    }

    static boolean isLob(Column c) {
        String base = baseType(c);
        if (LOBS.contains(base)) {
            return true;
        }
        return c.type().toUpperCase(Locale.ROOT).replace(" ", "").contains("(MAX)");
    }

    /** True when the column can hold NULL: declared nullable and not part of the primary key. */
    static boolean nullable(Table t, Column c) {
        if (!c.nullable()) {
            return false;
        }
        return t.primaryKey().map(pk -> !keys(pk.columns()).contains(key(c.name()))).orElse(true);
    }

    /** Every key structure of the table as column-key lists: primary key, unique constraints, then indexes. */
    static List<List<String>> keyLists(Table t, boolean withPartialIndexes) {
        List<List<String>> out = new ArrayList<>();
        t.primaryKey().ifPresent(pk -> out.add(keys(pk.columns())));
        for (KeyConstraint u : t.uniqueConstraints()) {
            out.add(keys(u.columns()));
        }
        for (Index i : t.indexes()) {
            if (withPartialIndexes || !i.partial()) {
                out.add(keys(i.columns()));
            }
        }
        return out;
    }

    /** The first column of every key structure of the table, partial indexes included. */
    static Set<String> leadingColumns(Table t) {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> k : keyLists(t, true)) {
            if (!k.isEmpty()) {
                out.add(k.get(0));
            }
        }
        return out;
    }

    /** The identifier's lower-case words, split at underscores, other punctuation and camelCase humps. */
    static List<String> words(String identifier) {
        List<String> out = new ArrayList<>();
        for (String part : NON_WORD.split(identifier)) {
            for (String w : CAMEL.split(part)) {
                if (!w.isEmpty()) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** An identifier for generated SQL, quoted the dialect's way when it was quoted in the schema. */
    static String ident(SqlName name, SqlDialect dialect) {
        if (!name.quoted()) {
            return name.name();
        }
        return dialect == SqlDialect.MYSQL ? "`" + name.name() + "`" : "\"" + name.name() + "\"";
    }

    /** A conventional index name: idx_table_col1_col2, kept to PostgreSQL's 63-byte identifier limit. */
    static String indexName(String table, List<String> columns) {
        StringBuilder sb = new StringBuilder("idx_").append(plain(table));
        for (String c : columns) {
            sb.append('_').append(plain(c));
        }
        String s = sb.toString();
        return s.length() > 63 ? s.substring(0, 63) : s;
    }

    /** The name lower-cased with every run of punctuation turned into one underscore, for generated names. */
    static String plain(String s) {
        return EDGE_UNDERSCORES.matcher(NON_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
    }

    /** An ALTER statement changing a column's type, in the dialect's syntax. */
    static String alterType(SqlDialect dialect, Table t, Column c, String newType) {
        String table = ident(t.name(), dialect);
        String column = ident(c.name(), dialect);
        if (dialect == SqlDialect.MYSQL) {
            return "ALTER TABLE " + table + " MODIFY " + column + " " + newType + (c.nullable() ? "" : " NOT NULL") + ";";
        }
        if (dialect == SqlDialect.SQL_SERVER) {
            return "ALTER TABLE " + table + " ALTER COLUMN " + column + " " + newType + (c.nullable() ? "" : " NOT NULL") + ";";
        }
        if (dialect == SqlDialect.H2 || dialect == SqlDialect.ANSI) {
            return "ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DATA TYPE " + newType + ";";
        }
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE " + newType + ";";
    }

    /** A CREATE INDEX statement for the columns, named by convention. */
    static String createIndex(SqlDialect dialect, Table t, List<SqlName> columns) {
        List<String> plainNames = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        for (SqlName c : columns) {
            plainNames.add(c.name());
            quoted.add(ident(c, dialect));
        }
        return "CREATE INDEX " + indexName(t.name().name(), plainNames) + " ON " + ident(t.name(), dialect)
                + "(" + String.join(", ", quoted) + ");";
    }

    /** The column of this table whose key matches, as declared, or a bare name when the table does not declare it. */
    static SqlName declared(Table t, String columnKey) {
        return t.column(columnKey).map(Column::name).orElse(new SqlName(columnKey, false));
    }
}
