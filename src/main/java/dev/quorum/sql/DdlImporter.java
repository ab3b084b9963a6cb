package dev.quorum.sql;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.SqlLexer.Token;
import dev.quorum.sql.StatementSplitter.LineIndex;
import dev.quorum.sql.StatementSplitter.RawStatement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CheckConstraint;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ExcludeConstraint;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.NamedConstraint;
import net.sf.jsqlparser.statement.create.view.CreateView;

/**
 * Reads a DDL script into a {@link SchemaModel}: tables, columns, keys, foreign keys, indexes and views,
 * for PostgreSQL, MySQL, H2 and basic SQL Server. Statements are split lexically and each is parsed by
 * JSqlParser; what the model cannot use, or the parser cannot read, is reported with its line and never
 * stops the import.
 */
public final class DdlImporter {

    /** Generous, because a timeout must only ever stop pathological input, never a real schema on a slow machine. */
    private static final long PARSE_TIMEOUT_MILLIS = 10_000;

    /** Creates an importer; it holds no state, so one instance can serve any number of imports. */
    public DdlImporter() {
        // stateless
    }

    /**
     * Imports a script. {@code dialect} chooses quoting and comment rules (null: a generic mix that reads
     * all four dialects' common forms). Never throws; what it could not use is in {@link SchemaModel#skipped()}.
     */
    public SchemaModel importDdl(String ddl, SqlDialect dialect) {
        if (ddl == null || ddl.isBlank()) {
            return SchemaModel.EMPTY;
        }
        try {
            return new Run(dialect).run(ddl);
        } catch (RuntimeException | StackOverflowError e) {
            return new SchemaModel(List.of(), List.of(),
                    List.of(new SkippedStatement(1, StatementSplitter.summary(ddl, dialect),
                            "the import failed unexpectedly: " + e.getClass().getSimpleName())));
        }
    }

    /** One import: the statement loop and the mutable builders, turned into immutable records at the end. */
    private static final class Run {

        private static final Set<String> CREATE_OBJECTS = Set.of("TABLE", "INDEX", "VIEW", "FUNCTION", "PROCEDURE",
                "TRIGGER", "SEQUENCE", "TYPE", "DOMAIN", "EXTENSION", "SCHEMA", "DATABASE", "AGGREGATE", "ROLE", "USER",
                "RULE", "POLICY", "EVENT", "PUBLICATION", "SUBSCRIPTION", "SERVER", "CAST", "OPERATOR", "COLLATION",
                "STATISTICS", "LANGUAGE", "TABLESPACE", "SYNONYM", "ALIAS", "CONVERSION", "GROUP", "LOGIN", "PACKAGE");
        private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "COPY",
                "VALUES", "CALL", "EXEC", "EXECUTE", "PRINT", "DECLARE", "TRUNCATE", "MERGE", "REPLACE", "UPSERT",
                "ANALYZE", "VACUUM", "REFRESH", "CHECKPOINT", "SHOW", "EXPLAIN", "PERFORM", "RAISE", "NOTIFY", "LISTEN");
        private static final Set<String> TRANSACTION_WORDS = Set.of("BEGIN", "COMMIT", "START", "ROLLBACK", "END",
                "SAVEPOINT", "RELEASE", "LOCK", "UNLOCK");
        private static final Set<String> ALTER_TABLE_ACTIONS = Set.of("ADD", "ALTER", "MODIFY", "CHANGE", "ATTACH", "DROP");

        private final SqlDialect dialect;
        private final List<TableBuilder> tables = new ArrayList<>();
        private final Map<String, TableBuilder> byQualified = new HashMap<>();
        private final Map<String, List<TableBuilder>> byBare = new HashMap<>();
        private final List<View> views = new ArrayList<>();
        private final Set<String> viewKeys = new HashSet<>();
        private final List<SkippedStatement> skipped = new ArrayList<>();

        Run(SqlDialect dialect) {
            this.dialect = dialect;
        }

        SchemaModel run(String ddl) {
            for (RawStatement raw : StatementSplitter.split(ddl, dialect)) {
                Stmt st = new Stmt(raw, dialect);
                try {
                    statement(st);
                } catch (RuntimeException | StackOverflowError e) {
                    skip(st, "not understood: the importer failed on it (" + e.getClass().getSimpleName() + ")");
                }
            }
            return build();
        }

        // ---------------------------------------------------------------- classification

        private void statement(Stmt st) {
            List<Token> t = st.tokens;
            if (st.raw.text().startsWith("\\")) {
                skip(st, "psql meta-command");
                return;
            }
            if (t.isEmpty()) {
                return;
            }
            String w0 = st.word(0);
            switch (w0) {
                case "SET" -> skip(st, "SET statement (session setting)");
                case "COMMENT" -> skip(st, "COMMENT ON");
                case "GRANT", "REVOKE", "DENY" -> skip(st, "GRANT/REVOKE");
                case "USE" -> skip(st, "USE (database selection)");
                case "DROP" -> skip(st, "DROP statement");
                case "DO" -> skip(st, "function body (DO block)");
                case "CREATE" -> create(st);
                case "ALTER" -> alter(st);
                default -> {
                    if (TRANSACTION_WORDS.contains(w0)) {
                        skip(st, "transaction or lock control");
                    } else if (QUERY_WORDS.contains(w0)) {
                        skip(st, "data or query statement, not a schema definition");
                    } else {
                        unknown(st);
                    }
                }
            }
        }

        private void create(Stmt st) {
            String object = "";
            for (int k = 1; k < Math.min(st.tokens.size(), 20); k++) {
                Token tok = st.tokens.get(k);
                boolean optionValue = st.tokens.get(k - 1).isSymbol('=') || st.tokens.get(k - 1).isSymbol('@');
                if (tok.depth() == 0 && tok.kind() == SqlLexer.Kind.WORD && !optionValue
                        && CREATE_OBJECTS.contains(upper(tok.text()))) {
                    object = upper(tok.text());
                    break;
                }
            }
            switch (object) {
                case "TABLE" -> createTable(st);
                case "INDEX" -> createIndex(st);
                case "VIEW" -> createView(st);
                case "FUNCTION", "PROCEDURE", "PACKAGE", "LANGUAGE" -> skip(st, "function body");
                case "AGGREGATE" -> skip(st, "function body (aggregate)");
                case "TRIGGER", "EVENT", "RULE" -> skip(st, "trigger");
                case "SEQUENCE" -> skip(st, "sequence");
                case "TYPE", "DOMAIN", "CAST", "OPERATOR", "COLLATION", "CONVERSION" -> skip(st, "type/domain");
                case "EXTENSION" -> skip(st, "extension");
                case "SCHEMA" -> skip(st, "schema creation");
                case "DATABASE" -> skip(st, "database creation");
                case "ROLE", "USER", "GROUP", "LOGIN", "POLICY" -> skip(st, "security (role, user or policy)");
                case "" -> unknown(st);
                default -> skip(st, object.toLowerCase(Locale.ROOT) + " (not part of the schema model)");
            }
        }

        private void alter(Stmt st) {
            if (st.hasTopLevel("OWNER", "TO")) {
                skip(st, "ownership (OWNER TO)");
                return;
            }
            switch (st.word(1)) {
                case "TABLE" -> alterTable(st);
                case "SEQUENCE" -> skip(st, "sequence");
                case "TYPE", "DOMAIN" -> skip(st, "type/domain");
                case "SCHEMA" -> skip(st, "schema creation");
                case "FUNCTION", "PROCEDURE", "AGGREGATE" -> skip(st, "function body");
                case "VIEW", "MATERIALIZED" -> skip(st, "view change (views are known by name only)");
                case "EXTENSION" -> skip(st, "extension");
                case "DATABASE", "SYSTEM", "SESSION" -> skip(st, "database or session setting");
                default -> skip(st, "ALTER " + st.word(1) + " (not part of the schema model)");
            }
        }

        private void unknown(Stmt st) {
            try {
                Statement parsed = Parsing.parse(st.clean, dialect, PARSE_TIMEOUT_MILLIS);
                skip(st, "not a schema definition (" + parsed.getClass().getSimpleName() + ")");
            } catch (JSQLParserException e) {
                skip(st, "not understood by the SQL parser: " + Parsing.describe(e, st.raw.line() - 1));
            }
        }

        // ---------------------------------------------------------------- parsing with one retry

        /** A parse that JSqlParser accepted and that the caller understood, or the reason it failed. */
        private record Attempt(Statement statement, String failure) {
        }

        private Attempt parse(Stmt st, UnaryOperator<String> normaliser, Predicate<Statement> understood) {
            String failure = null;
            try {
                Statement s = Parsing.parse(st.clean, dialect, PARSE_TIMEOUT_MILLIS);
                if (understood.test(s)) {
                    return new Attempt(s, null);
                }
                failure = "its form is not supported (read as " + s.getClass().getSimpleName() + ")";
            } catch (JSQLParserException e) {
                failure = Parsing.describe(e, st.raw.line() - 1);
            }
            String normal = normaliser.apply(st.clean);
            if (normal != null && !normal.equals(st.clean)) {
                try {
                    Statement s = Parsing.parse(normal, dialect, PARSE_TIMEOUT_MILLIS);
                    if (understood.test(s)) {
                        return new Attempt(s, null);
                    }
                } catch (JSQLParserException e) {
                    // the first message describes the input as written, which is what the user can act on
                }
            }
            return new Attempt(null, "not understood by the SQL parser: " + failure);
        }

        // ---------------------------------------------------------------- CREATE TABLE

        private void createTable(Stmt st) {
            List<Token> t = st.tokens;
            int kw = DdlNormaliser.indexOfWord(t, "TABLE", 0, 12);
            int nameStart = DdlNormaliser.skipIfNotExists(t, kw + 1);
            int nameEnd = DdlNormaliser.endOfName(t, nameStart);
            String parent = "";
            int parentEnd = -1;
            if (nameEnd > 0 && nameEnd + 1 < t.size() && t.get(nameEnd).is("PARTITION") && t.get(nameEnd + 1).is("OF")) {
                parentEnd = DdlNormaliser.endOfName(t, nameEnd + 2);
                parent = parentEnd > 0 ? SqlName.of(t.get(parentEnd - 1).text()).name() : "";
            }
            Attempt a = parse(st, sql -> DdlNormaliser.createTable(sql, dialect), s -> s instanceof CreateTable);
            if (a.statement() == null) {
                skip(st, a.failure());
                return;
            }
            CreateTable ct = (CreateTable) a.statement();
            TableBuilder tb = new TableBuilder(unquote(ct.getTable().getSchemaName()), SqlName.of(ct.getTable().getName()),
                    st.raw.line());
            tb.partitionOf = parent;
            tb.columnsFrom = !parent.isEmpty() ? parent
                    : ct.getLikeTable() != null ? SqlName.of(ct.getLikeTable().getName()).name() : "";
            readTableBody(st, ct, tb, nameEnd > 0 && nameEnd < t.size() && parent.isEmpty() ? nameEnd : -1);
            if (parentEnd > 0 && parentEnd < t.size() && t.get(parentEnd).isSymbol('(')) {
                partitionConstraints(st, tb, st.clean.substring(t.get(nameStart).start(), t.get(nameEnd - 1).end()),
                        parentEnd);
            }
            TableBuilder existing = find(tb.schema, tb.name.name());
            if (existing != null && existing.schema.equalsIgnoreCase(tb.schema)) {
                skip(st, "table " + tb.name + " is defined twice; the first definition is kept");
                return;
            }
            register(tb);
        }

        private void readTableBody(Stmt st, CreateTable ct, TableBuilder tb, int open) {
            List<Piece> pieces = open >= 0 && st.tokens.get(open).isSymbol('(') ? pieces(st, open) : List.of();
            Map<String, Piece> columnPieces = new HashMap<>();
            Map<PieceKind, ArrayDeque<Integer>> constraintLines = new EnumMap<>(PieceKind.class);
            for (Piece p : pieces) {
                PieceKind kind = p.kind();
                if (kind == PieceKind.COLUMN) {
                    columnPieces.putIfAbsent(SqlName.of(p.toks.get(0).text()).key(), p);
                } else {
                    constraintLines.computeIfAbsent(kind, k -> new ArrayDeque<>()).add(p.line);
                }
            }
            if (ct.getColumnDefinitions() != null) {
                for (ColumnDefinition cd : ct.getColumnDefinitions()) {
                    Piece p = columnPieces.get(SqlName.of(cd.getColumnName()).key());
                    column(st, tb, cd.getColumnName(), cd.getColDataType(), cd.getColumnSpecs(), p,
                            p == null ? tb.line : p.line);
                }
            }
            if (ct.getIndexes() != null) {
                for (net.sf.jsqlparser.statement.create.table.Index ix : ct.getIndexes()) {
                    PieceKind kind = kindOf(ix);
                    ArrayDeque<Integer> q = constraintLines.get(kind);
                    int line = q == null || q.isEmpty() ? tb.line : q.poll();
                    tableIndex(tb, ix, line);
                }
            }
        }

        /**
         * A partition's own list holds only constraints and column options, which JSqlParser does not accept
         * as a table body; each constraint is read as {@code ALTER TABLE partition ADD constraint} instead.
         */
        private void partitionConstraints(Stmt st, TableBuilder tb, String name, int open) {
            for (Piece p : pieces(st, open)) {
                if (p.kind() == PieceKind.COLUMN) {
                    continue; // "column WITH OPTIONS ..." changes nothing the model holds
                }
                String text = st.clean.substring(p.toks.get(0).start(), p.toks.get(p.toks.size() - 1).end());
                try {
                    if (Parsing.parse("ALTER TABLE " + name + " ADD " + text, dialect, PARSE_TIMEOUT_MILLIS) instanceof Alter a) {
                        for (AlterExpression e : a.getAlterExpressions()) {
                            applyAlter(st, tb, e, p.line);
                        }
                    }
                } catch (JSQLParserException e) {
                    // the partition itself is still known; a constraint the parser cannot read is left out
                }
            }
        }

        /** Adds a column and whatever its inline constraints (PRIMARY KEY, UNIQUE, REFERENCES) say. */
        private ColumnBuilder column(Stmt st, TableBuilder tb, String rawName, ColDataType dt, List<String> specs,
                Piece piece, int line) {
            SqlName name = SqlName.of(rawName);
            List<String> sp = specs == null ? List.of() : specs;
            String jsqlType = ColumnText.typeText(dt, sp);
            ColumnText.Specs info = ColumnText.specs(sp);
            String type = piece == null ? jsqlType : ColumnText.rawType(st.clean, piece.toks, jsqlType);
            String def = info.defaultText();
            if (piece != null && !def.isEmpty()) {
                def = ColumnText.rawDefault(st.clean, piece.toks, def);
            }
            ColumnBuilder cb = new ColumnBuilder(name, type, ColumnText.baseType(jsqlType), !info.notNull(), def, line);
            tb.columns.put(name.key(), cb);
            if (info.primaryKey() && tb.primaryKey == null) {
                tb.primaryKey = new KeyConstraint(info.primaryKeyName(), List.of(name), line);
            }
            if (info.unique()) {
                tb.uniques.add(new KeyConstraint(info.uniqueName(), List.of(name), line));
            }
            if (!info.referencedTable().isEmpty()) {
                tb.foreignKeys.add(new ForeignKey(info.referenceName(), List.of(name),
                        SqlName.of(lastPart(info.referencedTable())), names(info.referencedColumns()), line));
            }
            return cb;
        }

        /** A table-level constraint or key from CREATE TABLE or ALTER TABLE ... ADD. */
        private void tableIndex(TableBuilder tb, net.sf.jsqlparser.statement.create.table.Index ix, int line) {
            PieceKind kind = kindOf(ix);
            if (kind == PieceKind.OTHER) {
                return; // CHECK and EXCLUDE constraints are not part of the model
            }
            String name = constraintName(ix.getName());
            List<SqlName> cols = names(ix.getColumnsNames());
            switch (kind) {
                case FOREIGN_KEY -> {
                    ForeignKeyIndex fk = (ForeignKeyIndex) ix;
                    SqlName target = SqlName.of(fk.getTable() == null ? "" : fk.getTable().getName());
                    tb.foreignKeys.add(new ForeignKey(name, cols, target, names(fk.getReferencedColumnNames()), line));
                }
                case PRIMARY_KEY -> {
                    if (tb.primaryKey == null) {
                        tb.primaryKey = new KeyConstraint(name, cols, line);
                    }
                }
                case UNIQUE -> tb.uniques.add(new KeyConstraint(name, cols, line));
                case UNIQUE_INDEX -> tb.indexes.add(new Index(name, cols, true, "", line));
                default -> tb.indexes.add(new Index(name, cols, false, "", line));
            }
        }

        private static PieceKind kindOf(net.sf.jsqlparser.statement.create.table.Index ix) {
            if (ix instanceof ForeignKeyIndex) {
                return PieceKind.FOREIGN_KEY;
            }
            if (ix instanceof CheckConstraint || ix instanceof ExcludeConstraint) {
                return PieceKind.OTHER;
            }
            String type = upper(ix.getType() != null ? ix.getType() : ix.getIndexKeyword() != null ? ix.getIndexKeyword() : "");
            if (type.contains("PRIMARY")) {
                return PieceKind.PRIMARY_KEY;
            }
            if (type.startsWith("UNIQUE")) {
                return ix instanceof NamedConstraint ? PieceKind.UNIQUE : PieceKind.UNIQUE_INDEX;
            }
            if (type.contains("KEY") || type.contains("INDEX") || type.contains("FULLTEXT") || type.contains("SPATIAL")
                    || !(ix instanceof NamedConstraint)) {
                return PieceKind.INDEX;
            }
            return PieceKind.OTHER;
        }

        // ---------------------------------------------------------------- CREATE INDEX

        private void createIndex(Stmt st) {
            Attempt a = parse(st, sql -> DdlNormaliser.createIndex(sql, dialect), s -> s instanceof CreateIndex);
            if (a.statement() == null) {
                skip(st, a.failure());
                return;
            }
            CreateIndex ci = (CreateIndex) a.statement();
            String schema = unquote(ci.getTable().getSchemaName());
            String tableName = SqlName.of(ci.getTable().getName()).name();
            TableBuilder tb = find(schema, tableName);
            if (tb == null) {
                skip(st, viewKeys.contains(SqlName.of(tableName).key())
                        ? "index on a view (views are known by name only)"
                        : "index on a table this script does not define (" + tableName + ")");
                return;
            }
            List<Token> t = st.tokens;
            int kw = DdlNormaliser.indexOfWord(t, "INDEX", 0, 6);
            boolean unique = DdlNormaliser.indexOfWord(t, "UNIQUE", 0, Math.max(kw, 0)) >= 0;
            List<String> parsedCols = ci.getIndex().getColumnsNames() == null ? List.of() : ci.getIndex().getColumnsNames();
            IndexColumns raw = IndexColumns.read(st.clean, t, kw);
            List<SqlName> cols = raw.columns().size() == parsedCols.size() ? raw.columns() : names(parsedCols);
            String name = constraintName(ci.getIndex().getName());
            tb.indexes.add(new Index(lastPart(name), cols, unique, raw.where(), st.raw.line()));
        }

        // ---------------------------------------------------------------- ALTER TABLE

        private void alterTable(Stmt st) {
            List<Token> t = st.tokens;
            int k = DdlNormaliser.skipIfNotExists(t, 2);
            if (k < t.size() && t.get(k).is("ONLY")) {
                k++;
            }
            int nameEnd = DdlNormaliser.endOfName(t, k);
            int action = nameEnd < 0 ? t.size() : nameEnd;
            if (action < t.size() && t.get(action).isSymbol('*')) {
                action++;
            }
            if (action + 1 < t.size() && t.get(action).is("WITH")
                    && (t.get(action + 1).is("CHECK") || t.get(action + 1).is("NOCHECK"))) {
                action += 2; // SQL Server: WITH [NO]CHECK ADD CONSTRAINT ...
            }
            String verb = action < t.size() ? upper(t.get(action).text()) : "";
            if (!ALTER_TABLE_ACTIONS.contains(verb)) {
                skip(st, "ALTER TABLE ... " + verb + " (not a key, index or column change)");
                return;
            }
            Attempt a = parse(st, sql -> DdlNormaliser.alterTable(sql, dialect), Run::understoodAlter);
            if (a.statement() == null) {
                skip(st, a.failure());
                return;
            }
            Alter alter = (Alter) a.statement();
            String schema = unquote(alter.getTable().getSchemaName());
            String tableName = SqlName.of(alter.getTable().getName()).name();
            if (verb.equals("ATTACH")) {
                attachPartition(st, tableName, action);
                return;
            }
            TableBuilder tb = find(schema, tableName);
            if (tb == null) {
                skip(st, (viewKeys.contains(SqlName.of(tableName).key()) ? "ALTER on a view" : "ALTER TABLE on a table "
                        + "this script does not define") + " (" + tableName + ")");
                return;
            }
            boolean used = false;
            for (AlterExpression e : alter.getAlterExpressions()) {
                used |= applyAlter(st, tb, e, st.raw.line());
            }
            if (!used) {
                skip(st, "ALTER TABLE with nothing the schema model holds");
            }
        }

        private static boolean understoodAlter(Statement s) {
            return s instanceof Alter alter && alter.getAlterExpressions() != null
                    && alter.getAlterExpressions().stream().anyMatch(e -> e.getOperation() != AlterOperation.UNSPECIFIC
                            || e.getOptionalSpecifier() != null && upper(e.getOptionalSpecifier()).startsWith("ATTACH"));
        }

        private boolean applyAlter(Stmt st, TableBuilder tb, AlterExpression e, int line) {
            AlterOperation op = e.getOperation();
            if (op == AlterOperation.ADD) {
                if (e.getIndex() != null) {
                    tableIndex(tb, e.getIndex(), line);
                    return true;
                }
                if (e.getPkColumns() != null && !e.getPkColumns().isEmpty()) {
                    if (tb.primaryKey == null) {
                        tb.primaryKey = new KeyConstraint(constraintName(e.getConstraintName()), names(e.getPkColumns()), line);
                    }
                    return true;
                }
                if (e.getUkColumns() != null && !e.getUkColumns().isEmpty()) {
                    String n = constraintName(e.getUkName() != null ? e.getUkName() : e.getConstraintName());
                    if (st.hasTopLevel("UNIQUE", "KEY") || st.hasTopLevel("UNIQUE", "INDEX")) {
                        tb.indexes.add(new Index(n, names(e.getUkColumns()), true, "", line)); // MySQL ADD UNIQUE KEY
                    } else {
                        tb.uniques.add(new KeyConstraint(n, names(e.getUkColumns()), line));
                    }
                    return true;
                }
                if (e.getFkColumns() != null && !e.getFkColumns().isEmpty()) {
                    tb.foreignKeys.add(new ForeignKey(constraintName(e.getConstraintName()), names(e.getFkColumns()),
                            SqlName.of(lastPart(String.valueOf(e.getFkSourceTable()))), names(e.getFkSourceColumns()), line));
                    return true;
                }
                if (e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
                    for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                        column(st, tb, c.getColumnName(), c.getColDataType(), c.getColumnSpecs(), null, line);
                    }
                    return true;
                }
                return false;
            }
            if (op == AlterOperation.DROP && e.getColumnName() != null) {
                // A migration that drops a column (a plain password, a legacy field) must leave the model without it.
                return tb.columns.remove(SqlName.of(e.getColumnName()).key()) != null;
            }
            if (op == AlterOperation.DROP && e.getConstraintName() != null) {
                String dropped = constraintName(e.getConstraintName());
                boolean removed = tb.uniques.removeIf(k -> dropped.equalsIgnoreCase(k.name()))
                        | tb.foreignKeys.removeIf(k -> dropped.equalsIgnoreCase(k.name()));
                if (tb.primaryKey != null && dropped.equalsIgnoreCase(tb.primaryKey.name())) {
                    tb.primaryKey = null;
                    removed = true;
                }
                return removed;
            }
            if (op == AlterOperation.ALTER || op == AlterOperation.MODIFY || op == AlterOperation.CHANGE) {
                boolean used = false;
                if (e.getColumnSetDefaultList() != null) {
                    for (AlterExpression.ColumnSetDefault d : e.getColumnSetDefaultList()) {
                        ColumnBuilder cb = tb.columns.get(SqlName.of(d.getColumnName()).key());
                        if (cb != null) {
                            cb.defaultValue = d.getDefaultValue();
                            used = true;
                        }
                    }
                }
                if (e.getColDataTypeList() != null) {
                    for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                        used |= alterColumn(st, tb, c, line);
                    }
                }
                return used;
            }
            return false;
        }

        private boolean alterColumn(Stmt st, TableBuilder tb, AlterExpression.ColumnDataType c, int line) {
            ColumnBuilder cb = tb.columns.get(SqlName.of(c.getColumnName()).key());
            List<String> specs = c.getColumnSpecs() == null ? List.of() : c.getColumnSpecs();
            String type = c.getColDataType() == null ? "" : upper(String.valueOf(c.getColDataType().getDataType()));
            if (cb != null && type.equals("SET") && specs.size() >= 2 && upper(specs.get(0)).equals("NOT")) {
                cb.nullable = false;
                return true;
            }
            if (cb != null && type.equals("DROP") && specs.size() >= 2 && upper(specs.get(0)).equals("NOT")) {
                cb.nullable = true;
                return true;
            }
            if (type.equals("SET") || type.equals("DROP") || type.equals("TYPE")) {
                if (cb != null && type.equals("TYPE") && !specs.isEmpty()) {
                    cb.type = String.join(" ", specs);
                    cb.baseType = ColumnText.baseType(cb.type);
                    return true;
                }
                return false;
            }
            // MODIFY / CHANGE / ALTER COLUMN x <type>: the column is redefined
            int at = cb == null ? line : cb.line;
            ColumnBuilder replaced = column(st, tb, c.getColumnName(), c.getColDataType(), specs, null, at);
            if (cb != null && replaced.defaultValue.isEmpty()) {
                replaced.defaultValue = cb.defaultValue;
            }
            return true;
        }

        private void attachPartition(Stmt st, String parent, int action) {
            List<Token> t = st.tokens;
            int childStart = action + 2;
            int childEnd = DdlNormaliser.endOfName(t, childStart);
            if (childEnd < 0 || !t.get(action + 1).is("PARTITION")) {
                skip(st, "not understood: ATTACH without a partition name");
                return;
            }
            String schema = childEnd - childStart >= 3 ? SqlName.of(t.get(childEnd - 3).text()).name() : "";
            String child = SqlName.of(t.get(childEnd - 1).text()).name();
            TableBuilder tb = find(schema, child);
            if (tb == null) {
                skip(st, "partition of a table this script does not define (" + child + ")");
                return;
            }
            tb.partitionOf = parent;
        }

        // ---------------------------------------------------------------- CREATE VIEW

        private void createView(Stmt st) {
            // Views are known by name only, so the parser reads the name with a stand-in body: parsing real
            // view bodies costs most of the import time and a body the parser rejects would lose the view.
            String named = DdlNormaliser.createView(st.clean, dialect);
            CreateView cv = null;
            try {
                Statement s = Parsing.parse(named == null ? st.clean : named, dialect, PARSE_TIMEOUT_MILLIS);
                cv = s instanceof CreateView v ? v : null;
            } catch (JSQLParserException e) {
                cv = null;
            }
            if (cv == null) {
                Attempt a = parse(st, sql -> null, s -> s instanceof CreateView);
                if (a.statement() == null) {
                    skip(st, a.failure());
                    return;
                }
                cv = (CreateView) a.statement();
            }
            SqlName name = SqlName.of(cv.getView().getName());
            views.add(new View(unquote(cv.getView().getSchemaName()), name, st.raw.line()));
            viewKeys.add(name.key());
        }

        // ---------------------------------------------------------------- registry and result

        private void register(TableBuilder tb) {
            tables.add(tb);
            byQualified.put(qualifiedKey(tb.schema, tb.name.name()), tb);
            byBare.computeIfAbsent(tb.name.key(), k -> new ArrayList<>()).add(tb);
        }

        private TableBuilder find(String schema, String name) {
            if (name == null || name.isEmpty()) {
                return null;
            }
            if (schema != null && !schema.isEmpty()) {
                TableBuilder exact = byQualified.get(qualifiedKey(schema, name));
                if (exact != null) {
                    return exact;
                }
            }
            List<TableBuilder> candidates = byBare.get(SqlName.of(name).key());
            return candidates == null || candidates.isEmpty() ? null : candidates.get(0);
        }

        private static String qualifiedKey(String schema, String name) {
            return (schema == null ? "" : schema.toLowerCase(Locale.ROOT)) + "." + SqlName.of(name).key();
        }

        private SchemaModel build() {
            List<Table> out = new ArrayList<>(tables.size());
            for (TableBuilder tb : tables) {
                if (!tb.columnsFrom.isEmpty() && tb.columns.isEmpty()) {
                    TableBuilder parent = find(tb.schema, tb.columnsFrom);
                    if (parent != null && parent != tb) {
                        parent.columns.forEach((k, c) -> tb.columns.put(k, c.copy()));
                    }
                }
                if (tb.primaryKey != null) {
                    for (SqlName n : tb.primaryKey.columns()) {
                        ColumnBuilder cb = tb.columns.get(n.key());
                        if (cb != null) {
                            cb.nullable = false;
                        }
                    }
                }
            }
            for (TableBuilder tb : tables) {
                List<ForeignKey> fks = new ArrayList<>(tb.foreignKeys.size());
                for (ForeignKey fk : tb.foreignKeys) {
                    TableBuilder target = fk.referencedColumns().isEmpty() ? find("", fk.referencedTable().name()) : null;
                    if (target != null && target.primaryKey != null) {
                        fks.add(new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(), target.primaryKey.columns(),
                                fk.line()));
                    } else {
                        fks.add(fk);
                    }
                }
                List<Column> cols = tb.columns.values().stream().map(ColumnBuilder::build).toList();
                out.add(new Table(tb.schema, tb.name, cols, Optional.ofNullable(tb.primaryKey), tb.uniques, fks,
                        tb.indexes, tb.partitionOf, tb.line));
            }
            return new SchemaModel(out, views, skipped);
        }

        private void skip(Stmt st, String reason) {
            skipped.add(new SkippedStatement(st.raw.line(), StatementSplitter.summary(st.raw.text(), dialect), reason));
        }

        // ---------------------------------------------------------------- body pieces

        /** What a comma-separated piece of a CREATE TABLE body declares. */
        private enum PieceKind { COLUMN, PRIMARY_KEY, UNIQUE, UNIQUE_INDEX, FOREIGN_KEY, INDEX, OTHER }

        /** One comma-separated element of a CREATE TABLE body, with its tokens and the line it starts on. */
        private record Piece(List<Token> toks, int line) {

            PieceKind kind() {
                int k = 0;
                if (toks.get(0).is("CONSTRAINT")) {
                    k = 2;
                }
                if (k >= toks.size()) {
                    return PieceKind.OTHER;
                }
                Token first = toks.get(k);
                String next = k + 1 < toks.size() ? upper(toks.get(k + 1).text()) : "";
                if (first.kind() != SqlLexer.Kind.WORD) {
                    return k == 0 ? PieceKind.COLUMN : PieceKind.OTHER;
                }
                return switch (upper(first.text())) {
                    case "PRIMARY" -> next.equals("KEY") ? PieceKind.PRIMARY_KEY : PieceKind.COLUMN;
                    case "UNIQUE" -> next.equals("KEY") || next.equals("INDEX") ? PieceKind.UNIQUE_INDEX : PieceKind.UNIQUE;
                    case "FOREIGN" -> next.equals("KEY") ? PieceKind.FOREIGN_KEY : PieceKind.COLUMN;
                    case "KEY", "INDEX", "FULLTEXT", "SPATIAL" -> next.isEmpty() || next.equals("(") || k > 0
                            || toks.size() > 2 && toks.get(k + 2).isSymbol('(') ? PieceKind.INDEX : PieceKind.COLUMN;
                    case "CHECK", "EXCLUDE", "PERIOD", "LIKE" -> PieceKind.OTHER;
                    default -> k == 0 ? PieceKind.COLUMN : PieceKind.OTHER;
                };
            }
        }

        private static List<Piece> pieces(Stmt st, int open) {
            List<Token> t = st.tokens;
            int close = SqlLexer.matching(t, open);
            int depth = t.get(open).depth() + 1;
            List<Piece> out = new ArrayList<>();
            int start = open + 1;
            for (int k = open + 1; k <= close; k++) {
                boolean end = k == close || t.get(k).isSymbol(',') && t.get(k).depth() == depth;
                if (end) {
                    if (k > start) {
                        out.add(new Piece(t.subList(start, k), st.lineOf(t.get(start).start())));
                    }
                    start = k + 1;
                }
            }
            return out;
        }

        // ---------------------------------------------------------------- small helpers

        private static List<SqlName> names(List<String> raw) {
            if (raw == null) {
                return List.of();
            }
            List<SqlName> out = new ArrayList<>(raw.size());
            for (String r : raw) {
                if (r != null && !r.isBlank()) {
                    out.add(SqlName.of(stripOrdering(r)));
                }
            }
            return out;
        }

        private static String stripOrdering(String col) {
            return col.strip().replaceFirst("(?i)\\s+(ASC|DESC)$", "");
        }

        private static String constraintName(String raw) {
            if (raw == null || raw.isBlank()) {
                return "";
            }
            String n = SqlName.of(lastPart(raw)).name();
            return n.startsWith(DdlNormaliser.UNNAMED) ? "" : n;
        }

        private static String unquote(String raw) {
            return raw == null || raw.isBlank() ? "" : SqlName.of(raw).name();
        }

        /** The last part of a dotted name, dots inside quotes respected. */
        static String lastPart(String raw) {
            if (raw == null) {
                return "";
            }
            List<Token> t = new SqlLexer(raw, null).tokens();
            for (int k = t.size() - 1; k >= 0; k--) {
                if (t.get(k).isName()) {
                    return t.get(k).text();
                }
            }
            return raw.strip();
        }

        private static String upper(String s) {
            return s.toUpperCase(Locale.ROOT);
        }
    }

    /** One statement being read: its raw form, its comment-free text, tokens and line lookup. */
    private static final class Stmt {
        final RawStatement raw;
        final String clean;
        final List<Token> tokens;
        private LineIndex lines;

        Stmt(RawStatement raw, SqlDialect dialect) {
            this.raw = raw;
            SqlLexer lexer = new SqlLexer(raw.text(), dialect);
            this.clean = lexer.withoutComments();
            this.tokens = lexer.tokens();
        }

        String word(int k) {
            return k < tokens.size() && tokens.get(k).kind() == SqlLexer.Kind.WORD
                    ? tokens.get(k).text().toUpperCase(Locale.ROOT) : "";
        }

        boolean hasTopLevel(String first, String second) {
            for (int k = 0; k + 1 < tokens.size(); k++) {
                if (tokens.get(k).depth() == 0 && tokens.get(k).is(first) && tokens.get(k + 1).is(second)) {
                    return true;
                }
            }
            return false;
        }

        int lineOf(int offset) {
            if (lines == null) {
                lines = new LineIndex(raw.text());
            }
            return raw.line() + lines.lineOf(offset) - 1;
        }
    }

    /** A table under construction; statements after its CREATE TABLE may still add keys and indexes. */
    private static final class TableBuilder {
        final String schema;
        final SqlName name;
        final int line;
        final Map<String, ColumnBuilder> columns = new LinkedHashMap<>();
        final List<KeyConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        KeyConstraint primaryKey;
        String partitionOf = "";
        /** The table whose columns this one has when it lists none: a partition's parent, or MySQL's LIKE source. */
        String columnsFrom = "";

        TableBuilder(String schema, SqlName name, int line) {
            this.schema = schema;
            this.name = name;
            this.line = line;
        }
    }

    /** A column under construction: a later PRIMARY KEY or ALTER may still change nullability or default. */
    private static final class ColumnBuilder {
        final SqlName name;
        final int line;
        String type;
        String baseType;
        boolean nullable;
        String defaultValue;

        ColumnBuilder(SqlName name, String type, String baseType, boolean nullable, String defaultValue, int line) {
            this.name = name;
            this.type = type;
            this.baseType = baseType;
            this.nullable = nullable;
            this.defaultValue = defaultValue == null ? "" : defaultValue;
            this.line = line;
        }

        ColumnBuilder copy() {
            return new ColumnBuilder(name, type, baseType, nullable, defaultValue, line);
        }

        Column build() {
            return new Column(name, type, baseType, nullable, defaultValue.isEmpty() ? null : defaultValue, line);
        }
    }
}
