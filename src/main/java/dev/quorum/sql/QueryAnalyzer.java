package dev.quorum.sql;

import dev.quorum.sql.StatementSplitter.RawStatement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.ReturningClause;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * Analyses one query's SQL through JSqlParser: tables and columns, equality, range and join columns,
 * ORDER BY and GROUP BY columns, LIMIT and SELECT *, and the target of a write. Aliases resolve to table
 * names; with a schema, unqualified columns resolve to the one table in scope that has them. SQL holding
 * several statements (a transaction written out) is analysed as one: the kind and target of its first
 * statement, the union of everything else. Never throws.
 */
public final class QueryAnalyzer {

    private static final long PARSE_TIMEOUT_MILLIS = 10_000;

    /** Unqualified words JSqlParser may read as a column that are really values or keywords. */
    private static final Set<String> NOT_COLUMNS = Set.of("true", "false", "null", "current_date", "current_time",
            "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user", "user", "sysdate",
            "systimestamp", "rownum", "default", "unknown");

    /** Creates an analyser; it holds no state. */
    public QueryAnalyzer() {
        // stateless
    }

    /** Analyses SQL without a schema: an unqualified column resolves only when one table is in scope. */
    public QueryAnalysis analyze(String sql) {
        return analyze(sql, null);
    }

    /**
     * Analyses SQL, resolving unqualified columns to the table in scope whose schema definition has them.
     * A null schema behaves like {@link #analyze(String)}.
     */
    public QueryAnalysis analyze(String sql, SchemaModel schema) {
        if (sql == null || sql.isBlank()) {
            return QueryAnalysis.unparseable("no SQL to analyse");
        }
        try {
            List<RawStatement> statements = StatementSplitter.split(sql, null);
            if (statements.isEmpty()) {
                return QueryAnalysis.unparseable("no SQL statement, only comments");
            }
            List<Collector> parts = new ArrayList<>();
            for (RawStatement raw : statements) {
                Statement st;
                try {
                    st = Parsing.parse(numberedParametersAsJdbc(raw.text()), null, PARSE_TIMEOUT_MILLIS);
                } catch (JSQLParserException e) {
                    return QueryAnalysis.unparseable("not understood by the SQL parser: "
                            + Parsing.describe(e, raw.line() - 1));
                }
                Collector c = new Collector(schema);
                c.statement(st);
                parts.add(c);
            }
            return merge(parts);
        } catch (RuntimeException | StackOverflowError e) {
            return QueryAnalysis.unparseable("the analysis failed on this SQL (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * PostgreSQL's {@code $1} placeholders become JDBC {@code ?} (padded, so error columns still match);
     * JSqlParser would otherwise read some of them as column names.
     */
    static String numberedParametersAsJdbc(String sql) {
        SqlLexer lexer = new SqlLexer(sql, null);
        StringBuilder out = null;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            int skip = lexer.commentEnd(i);
            if (skip < 0) {
                skip = lexer.quotedEnd(i);
            }
            if (skip >= 0) {
                i = skip;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '$' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))
                    && (i == 0 || !SqlLexer.isIdentPart(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                if (out == null) {
                    out = new StringBuilder(sql);
                }
                out.setCharAt(i, '?');
                for (int k = i + 1; k < j; k++) {
                    out.setCharAt(k, ' ');
                }
                i = j;
                continue;
            }
            i++;
        }
        return out == null ? sql : out.toString();
    }

    private static QueryAnalysis merge(List<Collector> parts) {
        Collector first = parts.get(0);
        Collector all = new Collector(null);
        String target = "";
        boolean anySelect = false;
        boolean allSelectsLimited = true;
        boolean anyLimited = false;
        for (Collector c : parts) {
            all.tables.addAll(c.tables);
            all.columns.addAll(c.columns);
            all.equality.addAll(c.equality);
            all.range.addAll(c.range);
            all.joins.addAll(c.joins);
            all.orderBy.addAll(c.orderBy);
            all.groupBy.addAll(c.groupBy);
            all.where.addAll(c.where);
            all.selectStar |= c.selectStar;
            if (target.isEmpty()) {
                target = c.target;
            }
            if (c.kind == QueryAnalysis.Kind.SELECT) {
                anySelect = true;
                allSelectsLimited &= c.hasLimit;
            }
            anyLimited |= c.hasLimit;
        }
        boolean hasLimit = anySelect ? allSelectsLimited : anyLimited;
        return new QueryAnalysis(first.kind, all.tables.list(), all.columns.list(), all.equality.list(),
                all.range.list(), all.joins.list(), all.orderBy.list(), all.groupBy.list(), hasLimit, all.selectStar,
                target, all.where.list(), Optional.empty());
    }

    // ------------------------------------------------------------------------------------------ model

    /**
     * A relation in a FROM clause: a real table, or a derived one (subquery, CTE, function). A derived relation
     * maps the columns it selects to the table columns they come from, where it can tell; {@code complete} says
     * that it names all its columns (no {@code *}), {@code passThrough} is the one table a {@code SELECT *} reads.
     */
    private record Source(String table, boolean derived, Map<String, ColumnRef> outputs, boolean complete,
            String passThrough) {

        static Source real(String table) {
            return new Source(table, false, Map.of(), true, "");
        }

        static Source opaque() {
            return new Source("", true, Map.of(), false, "");
        }

        /** The table column behind a derived relation's column, or null when unknown. */
        ColumnRef lookup(String column) {
            ColumnRef r = outputs.get(column.toLowerCase(Locale.ROOT));
            if (r != null) {
                return r;
            }
            return passThrough.isEmpty() ? null : new ColumnRef(passThrough, column);
        }
    }

    /** The relations one SELECT (or write) can see, its select-list aliases, and the enclosing query's scope. */
    private static final class Scope {
        final Scope parent;
        final Map<String, Source> byName = new HashMap<>();
        final List<Source> sources = new ArrayList<>();
        final Map<String, Expression> selectAliases = new HashMap<>();
        final List<Expression> selectExpressions = new ArrayList<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        void add(Source s, String... names) {
            sources.add(s);
            alias(s, names);
        }

        /** Another name for a relation already in scope (PostgreSQL's EXCLUDED in ON CONFLICT). */
        void alias(Source s, String... names) {
            for (String n : names) {
                if (n != null && !n.isEmpty()) {
                    byName.putIfAbsent(n.toLowerCase(Locale.ROOT), s);
                }
            }
        }
    }

    /** An ordered set of column references compared without case. */
    private static final class RefSet {
        private final Map<String, ColumnRef> refs = new LinkedHashMap<>();

        void add(ColumnRef r) {
            refs.putIfAbsent(r.table().toLowerCase(Locale.ROOT) + "." + r.column().toLowerCase(Locale.ROOT), r);
        }

        void addAll(RefSet other) {
            other.refs.values().forEach(this::add);
        }

        List<ColumnRef> list() {
            return List.copyOf(refs.values());
        }
    }

    /** An ordered set of names compared without case. */
    private static final class NameSet {
        private final Map<String, String> names = new LinkedHashMap<>();

        void add(String n) {
            if (n != null && !n.isEmpty()) {
                names.putIfAbsent(n.toLowerCase(Locale.ROOT), n);
            }
        }

        void addAll(NameSet other) {
            other.names.values().forEach(this::add);
        }

        List<String> list() {
            return List.copyOf(names.values());
        }
    }

    // ------------------------------------------------------------------------------------------ walking

    /** Walks one parsed statement and collects what the analysis reports. */
    private static final class Collector {
        final SchemaModel schema;
        QueryAnalysis.Kind kind = QueryAnalysis.Kind.OTHER;
        final NameSet tables = new NameSet();
        final RefSet columns = new RefSet();
        final RefSet equality = new RefSet();
        final RefSet range = new RefSet();
        final RefSet joins = new RefSet();
        final RefSet orderBy = new RefSet();
        final RefSet groupBy = new RefSet();
        final RefSet where = new RefSet();
        boolean hasLimit;
        boolean selectStar;
        String target = "";
        private final Set<String> cteNames = new HashSet<>();
        private final Map<String, Source> cteSources = new HashMap<>();
        private final Deque<RefSet> captures = new ArrayDeque<>();

        Collector(SchemaModel schema) {
            this.schema = schema;
        }

        void statement(Statement st) {
            if (st instanceof Select sel) {
                kind = QueryAnalysis.Kind.SELECT;
                select(sel, null, true);
            } else if (st instanceof Insert ins) {
                kind = QueryAnalysis.Kind.INSERT;
                insert(ins);
            } else if (st instanceof Update upd) {
                kind = QueryAnalysis.Kind.UPDATE;
                update(upd);
            } else if (st instanceof Delete del) {
                kind = QueryAnalysis.Kind.DELETE;
                delete(del);
            } else if (st instanceof Upsert ups) {
                kind = QueryAnalysis.Kind.INSERT;
                upsert(ups);
            }
        }

        // ----- statements

        private void withItems(List<WithItem<?>> items) {
            if (items == null) {
                return;
            }
            for (WithItem<?> w : items) {
                cteNames.add(unquote(w.getAliasName()).toLowerCase(Locale.ROOT));
            }
            for (WithItem<?> w : items) {
                if (w.getSelect() != null) {
                    select(w.getSelect(), null, false);
                    cteSources.put(unquote(w.getAliasName()).toLowerCase(Locale.ROOT), derived(w.getSelect()));
                }
            }
        }

        private void select(Select sel, Scope outer, boolean top) {
            if (sel == null) {
                return;
            }
            withItems(sel.getWithItemsList());
            if (sel instanceof PlainSelect ps) {
                plain(ps, outer, top);
            } else if (sel instanceof SetOperationList sol) {
                Scope firstBranch = null;
                for (Select s : sol.getSelects()) {
                    select(s, outer, top);
                }
                if (!sol.getSelects().isEmpty() && sol.getSelects().get(0) instanceof PlainSelect ps0) {
                    firstBranch = lastScopes.get(ps0);
                }
                orderBy(sol.getOrderByElements(), firstBranch == null ? new Scope(outer) : firstBranch);
            } else if (sel instanceof ParenthesedSelect p) {
                select(p.getSelect(), outer, top);
            } else if (sel instanceof Values v) {
                expressions(v.getExpressions(), outer == null ? new Scope(null) : outer);
            }
            if (top && (sel.getLimit() != null || sel.getFetch() != null)) {
                hasLimit = true;
            }
        }

        /** The scope each plain select was read with, so a set operation's ORDER BY can use its first branch. */
        private final Map<PlainSelect, Scope> lastScopes = new HashMap<>();

        private void plain(PlainSelect ps, Scope outer, boolean top) {
            Scope sc = new Scope(outer);
            lastScopes.put(ps, sc);
            List<Join> allJoins = new ArrayList<>();
            fromItem(ps.getFromItem(), sc, allJoins);
            if (ps.getJoins() != null) {
                for (Join j : ps.getJoins()) {
                    fromItem(j.getRightItem(), sc, allJoins);
                    allJoins.add(j);
                }
            }
            if (top && ps.getTop() != null) {
                hasLimit = true;
            }
            if (ps.getSelectItems() != null) {
                for (SelectItem<?> si : ps.getSelectItems()) {
                    Expression e = si.getExpression();
                    sc.selectExpressions.add(e);
                    if (e instanceof AllColumns) {
                        selectStar |= top;
                        continue;
                    }
                    find(e, sc);
                    if (si.getAlias() != null && si.getAlias().getName() != null) {
                        sc.selectAliases.put(unquote(si.getAlias().getName()).toLowerCase(Locale.ROOT), e);
                    }
                }
            }
            joinConditions(allJoins, sc);
            if (ps.getWhere() != null) {
                if (top) {
                    captures.push(where);
                }
                predicates(ps.getWhere(), sc);
                find(ps.getWhere(), sc);
                if (top) {
                    captures.pop();
                }
            }
            GroupByElement g = ps.getGroupBy();
            if (g != null && g.getGroupByExpressionList() != null) {
                for (Object o : g.getGroupByExpressionList()) {
                    if (o instanceof Expression e) {
                        sortKey(e, sc, groupBy);
                    }
                }
            }
            if (ps.getHaving() != null) {
                findWithAliases(ps.getHaving(), sc);
            }
            orderBy(ps.getOrderByElements(), sc);
        }

        private void orderBy(List<OrderByElement> elements, Scope sc) {
            if (elements == null) {
                return;
            }
            for (OrderByElement o : elements) {
                sortKey(o.getExpression(), sc, orderBy);
            }
        }

        /** An ORDER BY or GROUP BY key: a column, a select-list alias, a position, or an expression. */
        private void sortKey(Expression e, Scope sc, RefSet into) {
            Expression x = unwrap(e);
            if (x instanceof LongValue pos) {
                int k = (int) pos.getValue() - 1;
                if (k >= 0 && k < sc.selectExpressions.size() && unwrap(sc.selectExpressions.get(k)) instanceof Column c) {
                    resolved(c, sc).ifPresent(into::add);
                }
                return;
            }
            if (x instanceof Column c) {
                Expression aliased = c.getTable() == null || c.getTable().getName() == null
                        ? sc.selectAliases.get(unquote(c.getColumnName()).toLowerCase(Locale.ROOT)) : null;
                if (aliased != null) {
                    if (unwrap(aliased) instanceof Column target) {
                        resolved(target, sc).ifPresent(into::add);
                    }
                    return; // an alias of an aggregate or expression is not a table column
                }
                Optional<ColumnRef> r = resolved(c, sc);
                r.ifPresent(into::add);
                r.ifPresent(this::column);
                return;
            }
            findWithAliases(e, sc);
        }

        private void insert(Insert ins) {
            withItems(ins.getWithItemsList());
            String t = tableName(ins.getTable());
            target = t;
            tables.add(t);
            Scope sc = new Scope(null);
            Source targetSource = Source.real(t);
            sc.add(targetSource, alias(ins.getTable()), t);
            // PostgreSQL's ON CONFLICT ... DO UPDATE refers to the proposed row as EXCLUDED
            sc.alias(targetSource, "excluded");
            if (ins.getColumns() != null) {
                for (Column c : ins.getColumns()) {
                    column(new ColumnRef(t, unquote(c.getColumnName())));
                }
            }
            if (ins.getSelect() != null) {
                select(ins.getSelect(), sc, true);
            }
            updateSets(ins.getDuplicateUpdateSets(), sc, t);
            updateSets(ins.getSetUpdateSets(), sc, t);
            if (ins.getConflictTarget() != null && ins.getConflictTarget().getIndexColumnNames() != null) {
                for (String c : ins.getConflictTarget().getIndexColumnNames()) {
                    column(new ColumnRef(t, unquote(c)));
                }
            }
            if (ins.getConflictAction() != null) {
                updateSets(ins.getConflictAction().getUpdateSets(), sc, t);
                if (ins.getConflictAction().getWhereExpression() != null) {
                    find(ins.getConflictAction().getWhereExpression(), sc);
                }
            }
            returning(ins.getReturningClause(), sc);
        }

        private void upsert(Upsert ups) {
            String t = tableName(ups.getTable());
            target = t;
            tables.add(t);
            Scope sc = new Scope(null);
            sc.add(Source.real(t), t);
            if (ups.getColumns() != null) {
                for (Column c : ups.getColumns()) {
                    column(new ColumnRef(t, unquote(c.getColumnName())));
                }
            }
            if (ups.getSelect() != null) {
                select(ups.getSelect(), sc, true);
            }
            updateSets(ups.getUpdateSets(), sc, t);
            updateSets(ups.getDuplicateUpdateSets(), sc, t);
        }

        private void update(Update upd) {
            withItems(upd.getWithItemsList());
            String t = tableName(upd.getTable());
            target = t;
            Scope sc = new Scope(null);
            List<Join> allJoins = new ArrayList<>();
            fromItem(upd.getTable(), sc, allJoins);
            addJoins(upd.getStartJoins(), sc, allJoins);
            if (upd.getFromItem() != null) {
                fromItem(upd.getFromItem(), sc, allJoins);
            }
            addJoins(upd.getJoins(), sc, allJoins);
            joinConditions(allJoins, sc);
            updateSets(upd.getUpdateSets(), sc, t);
            whereClause(upd.getWhere(), sc);
            orderBy(upd.getOrderByElements(), sc);
            hasLimit |= upd.getLimit() != null;
            returning(upd.getReturningClause(), sc);
        }

        private void delete(Delete del) {
            withItems(del.getWithItemsList());
            Scope sc = new Scope(null);
            List<Join> allJoins = new ArrayList<>();
            net.sf.jsqlparser.schema.Table main = del.getTable();
            if (main == null && del.getTables() != null && !del.getTables().isEmpty()) {
                main = del.getTables().get(0);
            }
            if (main != null) {
                fromItem(main, sc, allJoins);
                Source s = sc.byName.get(tableName(main).toLowerCase(Locale.ROOT));
                target = s != null && !s.derived() ? s.table() : tableName(main);
            }
            if (del.getTables() != null) {
                for (net.sf.jsqlparser.schema.Table t : del.getTables()) {
                    if (!sc.byName.containsKey(tableName(t).toLowerCase(Locale.ROOT))) {
                        fromItem(t, sc, allJoins);
                    }
                }
            }
            if (del.getUsingList() != null) {
                for (net.sf.jsqlparser.schema.Table t : del.getUsingList()) {
                    fromItem(t, sc, allJoins);
                }
            }
            addJoins(del.getJoins(), sc, allJoins);
            joinConditions(allJoins, sc);
            whereClause(del.getWhere(), sc);
            orderBy(del.getOrderByElements(), sc);
            hasLimit |= del.getLimit() != null;
            returning(del.getReturningClause(), sc);
        }

        private void whereClause(Expression w, Scope sc) {
            if (w == null) {
                return;
            }
            captures.push(where);
            predicates(w, sc);
            find(w, sc);
            captures.pop();
        }

        private void updateSets(List<UpdateSet> sets, Scope sc, String targetTable) {
            if (sets == null) {
                return;
            }
            for (UpdateSet us : sets) {
                if (us.getColumns() != null) {
                    for (Column c : us.getColumns()) {
                        boolean qualified = c.getTable() != null && c.getTable().getName() != null;
                        column(qualified ? resolve(c, sc) : new ColumnRef(targetTable, unquote(c.getColumnName())));
                    }
                }
                expressions(us.getValues(), sc);
            }
        }

        private void returning(ReturningClause r, Scope sc) {
            if (r == null) {
                return;
            }
            for (SelectItem<?> si : r) {
                if (!(si.getExpression() instanceof AllColumns)) {
                    find(si.getExpression(), sc);
                }
            }
        }

        // ----- FROM clauses

        private void addJoins(List<Join> js, Scope sc, List<Join> allJoins) {
            if (js == null) {
                return;
            }
            for (Join j : js) {
                fromItem(j.getRightItem(), sc, allJoins);
                allJoins.add(j);
            }
        }

        private void fromItem(FromItem fi, Scope sc, List<Join> allJoins) {
            if (fi == null) {
                return;
            }
            String alias = fi.getAlias() == null ? null : unquote(fi.getAlias().getName());
            if (fi instanceof net.sf.jsqlparser.schema.Table t) {
                String name = tableName(t);
                boolean cte = (t.getSchemaName() == null || t.getSchemaName().isEmpty())
                        && cteNames.contains(name.toLowerCase(Locale.ROOT));
                if (cte) {
                    sc.add(cteSources.getOrDefault(name.toLowerCase(Locale.ROOT), Source.opaque()), alias, name);
                } else {
                    tables.add(name);
                    sc.add(Source.real(name), alias, name);
                }
            } else if (fi instanceof LateralSubSelect lateral) {
                select(lateral.getSelect(), sc, false);
                sc.add(derived(lateral.getSelect()), alias);
            } else if (fi instanceof ParenthesedSelect p) {
                select(p.getSelect(), sc.parent, false);
                sc.add(derived(p.getSelect()), alias);
            } else if (fi instanceof ParenthesedFromItem pfi) {
                fromItem(pfi.getFromItem(), sc, allJoins);
                addJoins(pfi.getJoins(), sc, allJoins);
            } else if (fi instanceof TableFunction tf) {
                find(tf.getFunction(), sc);
                sc.add(Source.opaque(), alias);
            } else if (fi instanceof Values v) {
                expressions(v.getExpressions(), sc);
                sc.add(Source.opaque(), alias);
            } else {
                sc.add(Source.opaque(), alias);
            }
        }

        /** The relation a subquery or CTE body produces, its columns traced to tables where they are plain columns. */
        private Source derived(Select body) {
            Select s = body;
            while (s instanceof ParenthesedSelect p && p.getSelect() != null) {
                s = p.getSelect();
            }
            if (!(s instanceof PlainSelect ps) || !lastScopes.containsKey(ps) || ps.getSelectItems() == null) {
                return Source.opaque();
            }
            Scope sc = lastScopes.get(ps);
            Map<String, ColumnRef> outputs = new HashMap<>();
            boolean complete = true;
            String passThrough = "";
            for (SelectItem<?> si : ps.getSelectItems()) {
                Expression e = si.getExpression();
                if (e instanceof AllColumns all) {
                    complete = false;
                    Source from = all instanceof AllTableColumns atc && atc.getTable() != null
                            ? sc.byName.get(unquote(atc.getTable().getName()).toLowerCase(Locale.ROOT))
                            : sc.sources.size() == 1 ? sc.sources.get(0) : null;
                    if (from != null && !from.derived()) {
                        passThrough = passThrough.isEmpty() ? from.table() : passThrough;
                    }
                    continue;
                }
                String name = si.getAlias() != null && si.getAlias().getName() != null
                        ? unquote(si.getAlias().getName())
                        : unwrap(e) instanceof Column c ? unquote(c.getColumnName()) : "";
                if (!name.isEmpty()) {
                    ColumnRef ref = unwrap(e) instanceof Column c ? resolve(c, sc) : new ColumnRef("", name);
                    outputs.putIfAbsent(name.toLowerCase(Locale.ROOT), ref);
                }
            }
            return new Source("", true, Map.copyOf(outputs), complete, passThrough);
        }

        private void joinConditions(List<Join> allJoins, Scope sc) {
            for (Join j : allJoins) {
                if (j.getOnExpressions() != null) {
                    for (Expression on : j.getOnExpressions()) {
                        predicates(on, sc);
                        find(on, sc);
                    }
                }
                if (j.getUsingColumns() != null) {
                    Source right = sourceOf(j.getRightItem(), sc);
                    for (Column c : j.getUsingColumns()) {
                        String name = unquote(c.getColumnName());
                        if (right != null) {
                            add(joins, right.derived() ? derivedColumn(right, name) : new ColumnRef(right.table(), name));
                        }
                        add(joins, new ColumnRef(otherSide(sc, right, name), name));
                    }
                }
            }
        }

        private Source sourceOf(FromItem fi, Scope sc) {
            String key = fi.getAlias() != null ? unquote(fi.getAlias().getName())
                    : fi instanceof net.sf.jsqlparser.schema.Table t ? tableName(t) : null;
            return key == null ? null : sc.byName.get(key.toLowerCase(Locale.ROOT));
        }

        /** The table on the left of {@code JOIN ... USING (column)}: the one other table that has the column. */
        private String otherSide(Scope sc, Source right, String column) {
            List<Source> others = sc.sources.stream().filter(s -> s != right && !s.derived()).toList();
            if (schema != null) {
                List<Source> having = others.stream().filter(s -> hasColumn(s.table(), column)).toList();
                if (having.size() == 1) {
                    return having.get(0).table();
                }
            }
            return others.size() == 1 ? others.get(0).table() : "";
        }

        // ----- predicates

        private void predicates(Expression expression, Scope sc) {
            Expression e = unwrap(expression);
            if (e instanceof AndExpression || e instanceof OrExpression || e instanceof XorExpression) {
                BinaryExpression b = (BinaryExpression) e;
                predicates(b.getLeftExpression(), sc);
                predicates(b.getRightExpression(), sc);
            } else if (e instanceof EqualsTo eq) {
                comparison(eq.getLeftExpression(), eq.getRightExpression(), sc, equality);
            } else if (e instanceof GreaterThan || e instanceof GreaterThanEquals || e instanceof MinorThan
                    || e instanceof MinorThanEquals) {
                BinaryExpression b = (BinaryExpression) e;
                comparison(b.getLeftExpression(), b.getRightExpression(), sc, range);
            } else if (e instanceof Between between && !between.isNot()) {
                bare(between.getLeftExpression()).ifPresent(c -> add(range, resolve(c, sc)));
            } else if (e instanceof InExpression in && !in.isNot()) {
                Expression left = unwrap(in.getLeftExpression());
                if (left instanceof ExpressionList<?> tuple) {
                    for (Object o : tuple) {
                        if (o instanceof Expression x) {
                            bare(x).ifPresent(c -> add(equality, resolve(c, sc)));
                        }
                    }
                } else {
                    bare(left).ifPresent(c -> add(equality, resolve(c, sc)));
                }
            } else if (e instanceof IsNullExpression isNull && !isNull.isNot()) {
                bare(isNull.getLeftExpression()).ifPresent(c -> add(equality, resolve(c, sc)));
            } else if (e instanceof LikeExpression like && !like.isNot()
                    && unwrap(like.getRightExpression()) instanceof StringValue pattern
                    && !pattern.getValue().isEmpty() && "%_".indexOf(pattern.getValue().charAt(0)) < 0) {
                bare(like.getLeftExpression()).ifPresent(c -> add(range, resolve(c, sc)));
            }
        }

        /** A comparison: two columns make a join; one column against anything else is a predicate on it. */
        private void comparison(Expression left, Expression right, Scope sc, RefSet kindOfPredicate) {
            Optional<Column> l = bare(left);
            Optional<Column> r = bare(right);
            if (l.isPresent() && r.isPresent()) {
                ColumnRef a = resolve(l.get(), sc);
                ColumnRef b = resolve(r.get(), sc);
                if (a.table().isEmpty() || b.table().isEmpty() || !a.table().equalsIgnoreCase(b.table())) {
                    add(joins, a);
                    add(joins, b);
                }
            } else if (l.isPresent()) {
                add(kindOfPredicate, resolve(l.get(), sc));
            } else if (r.isPresent()) {
                add(kindOfPredicate, resolve(r.get(), sc));
            }
        }

        private void add(RefSet set, ColumnRef ref) {
            set.add(ref);
            column(ref);
        }

        // ----- columns

        private void column(ColumnRef ref) {
            columns.add(ref);
            for (RefSet capture : captures) {
                capture.add(ref);
            }
        }

        private void expressions(ExpressionList<?> list, Scope sc) {
            if (list == null) {
                return;
            }
            for (Object o : list) {
                if (o instanceof Expression e) {
                    find(e, sc);
                }
            }
        }

        private void find(Expression e, Scope sc) {
            if (e != null) {
                e.accept(new Finder(sc, false), null);
            }
        }

        private void findWithAliases(Expression e, Scope sc) {
            if (e != null) {
                e.accept(new Finder(sc, true), null);
            }
        }

        /** Visits an expression tree: records its columns and analyses its subqueries in the current scope. */
        private final class Finder extends ExpressionVisitorAdapter<Void> {
            private final Scope scope;
            private final boolean aliasesAllowed;

            Finder(Scope scope, boolean aliasesAllowed) {
                this.scope = scope;
                this.aliasesAllowed = aliasesAllowed;
            }

            @Override
            public <S> Void visit(Column c, S context) {
                boolean unqualified = c.getTable() == null || c.getTable().getName() == null;
                if (aliasesAllowed && unqualified
                        && scope.selectAliases.containsKey(unquote(c.getColumnName()).toLowerCase(Locale.ROOT))) {
                    return null;
                }
                resolved(c, scope).ifPresent(Collector.this::column);
                return null;
            }

            @Override
            public <S> Void visit(ParenthesedSelect p, S context) {
                select(p.getSelect() == null ? p : p.getSelect(), scope, false);
                return null;
            }

            @Override
            public <S> Void visit(Select s, S context) {
                select(s, scope, false);
                return null;
            }
        }

        // ----- resolution

        private Optional<ColumnRef> resolved(Column c, Scope sc) {
            boolean unqualified = c.getTable() == null || c.getTable().getName() == null;
            String name = unquote(c.getColumnName());
            if (name.isEmpty() || unqualified && NOT_COLUMNS.contains(name.toLowerCase(Locale.ROOT))
                    || name.startsWith("@") || name.startsWith(":")) {
                return Optional.empty();
            }
            return Optional.of(resolve(c, sc));
        }

        /** Resolves a column to its table through aliases, the enclosing scopes and, when given, the schema. */
        private ColumnRef resolve(Column c, Scope sc) {
            String name = unquote(c.getColumnName());
            if (c.getTable() != null && c.getTable().getName() != null) {
                String q = unquote(c.getTable().getName());
                for (Scope s = sc; s != null; s = s.parent) {
                    Source src = s.byName.get(q.toLowerCase(Locale.ROOT));
                    if (src != null) {
                        return src.derived() ? derivedColumn(src, name) : new ColumnRef(src.table(), name);
                    }
                }
                return new ColumnRef(cteNames.contains(q.toLowerCase(Locale.ROOT)) ? "" : q, name);
            }
            if (schema == null) {
                if (sc.sources.size() != 1) {
                    return new ColumnRef("", name);
                }
                Source only = sc.sources.get(0);
                return only.derived() ? derivedColumn(only, name) : new ColumnRef(only.table(), name);
            }
            for (Scope s = sc; s != null; s = s.parent) {
                List<ColumnRef> found = new ArrayList<>();
                boolean opaque = false;
                for (Source src : s.sources) {
                    if (!src.derived()) {
                        if (hasColumn(src.table(), name)) {
                            found.add(new ColumnRef(src.table(), name));
                        }
                    } else if (src.lookup(name) != null) {
                        found.add(src.lookup(name));
                    } else if (!src.complete()) {
                        opaque = true;
                    }
                }
                if (found.size() == 1) {
                    return found.get(0);
                }
                if (found.size() > 1 || opaque) {
                    return new ColumnRef("", name); // ambiguous, or possibly a column of a subquery
                }
            }
            // Known to no table in scope: with a single table, name it, so that checks can report the unknown column.
            return new ColumnRef(sc.sources.size() == 1 && !sc.sources.get(0).derived()
                    ? sc.sources.get(0).table() : "", name);
        }

        private static ColumnRef derivedColumn(Source src, String name) {
            ColumnRef r = src.lookup(name);
            return r != null ? r : new ColumnRef("", name);
        }

        private boolean hasColumn(String table, String column) {
            return schema != null && schema.table(table).flatMap(t -> t.column(column)).isPresent();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Expression unwrap(Expression e) {
        Expression x = e;
        while (x instanceof ParenthesedExpressionList<?> l && l.size() == 1 && !(l.get(0) instanceof Select)) {
            x = l.get(0);
        }
        return x;
    }

    private static Optional<Column> bare(Expression e) {
        return unwrap(e) instanceof Column c && !NOT_COLUMNS.contains(unquote(c.getColumnName()).toLowerCase(Locale.ROOT))
                ? Optional.of(c) : Optional.empty();
    }

    private static String tableName(net.sf.jsqlparser.schema.Table t) {
        return t == null || t.getName() == null ? "" : unquote(t.getName());
    }

    private static String alias(net.sf.jsqlparser.schema.Table t) {
        return t == null || t.getAlias() == null ? null : unquote(t.getAlias().getName());
    }

    private static String unquote(String raw) {
        return raw == null ? "" : SqlName.of(raw).name();
    }
}
