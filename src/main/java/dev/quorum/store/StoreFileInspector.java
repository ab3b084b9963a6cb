package dev.quorum.store;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.Row;

/**
 * Reads a store file's schema records before H2's SQL engine opens it, because opening is already too late:
 * H2 compiles and runs a trigger's Java source, and connects a linked table, while it opens the database.
 * The records are read as plain rows of H2's meta table through the MVStore API (as H2's own Recover tool
 * does), so nothing in them is executed. Only the kinds of objects Quorum's migrations create are accepted.
 */
final class StoreFileInspector {

    /** What the inspection found. */
    enum Outcome {
        /** Every record is of a kind Quorum creates. */
        CLEAN,
        /** Another process holds the file open; that process inspected it when it opened it. */
        HELD_BY_ANOTHER_PROCESS
    }

    // H2's meta record types (org.h2.engine.DbObject).
    private static final int TABLE_OR_VIEW = 0;
    private static final int INDEX = 1;
    private static final int USER = 2;
    private static final int SEQUENCE = 3;
    private static final int TRIGGER = 4;
    private static final int CONSTRAINT = 5;
    private static final int SETTING = 6;
    private static final int ROLE = 7;
    private static final int RIGHT = 8;
    private static final int FUNCTION_ALIAS = 9;
    private static final int SCHEMA = 10;
    private static final int CONSTANT = 11;
    private static final int DOMAIN = 12;
    private static final int COMMENT = 13;
    private static final int AGGREGATE = 14;
    private static final int SYNONYM = 15;

    /** Persistent settings H2 itself writes for a Quorum store; any other may change how SQL runs. */
    static final Set<String> ALLOWED_SETTINGS = Set.of("CREATE_BUILD", "WRITE_DELAY");

    private static final Pattern NAME = Pattern.compile("\"([^\"]+)\"\\.\"([^\"]+)\"|\"([^\"]+)\"");

    private StoreFileInspector() {
    }

    /** Inspects {@code file}; throws when it holds anything Quorum never creates or cannot be read. */
    static Outcome inspect(String file) throws StoreException {
        H2Access.hardened();
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file).readOnly().open();
        } catch (MVStoreException e) {
            if (e.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_FILE_LOCKED) {
                return Outcome.HELD_BY_ANOTHER_PROCESS;
            }
            throw damaged(file, e);
        } catch (RuntimeException e) {
            throw damaged(file, e);
        }
        try {
            if (!store.hasMap("table.0")) {
                throw new StoreException("The file " + file + " is not a Quorum store: it has no H2 schema");
            }
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            Transaction tx = transactions.begin();
            TransactionMap<Long, Row> meta = tx.openMap("table.0");
            for (Iterator<Long> it = meta.keyIterator(null); it.hasNext();) {
                Row row = meta.get(it.next());
                if (row != null) {
                    check(file, row.getValue(2).getInt(), row.getValue(3).getString());
                }
            }
            return Outcome.CLEAN;
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw damaged(file, e);
        } finally {
            try {
                store.closeImmediately();
            } catch (RuntimeException e) {
                // Read-only: nothing to flush, and the outcome is already decided.
            }
        }
    }

    private static void check(String file, int type, String sql) throws StoreUntrustedException {
        String upper = sql.toUpperCase(Locale.ROOT);
        String refusal = switch (type) {
            case TABLE_OR_VIEW -> upper.startsWith("CREATE CACHED TABLE ") || upper.startsWith("CREATE MEMORY TABLE ")
                    ? null : "a view or linked table";
            // Indexes, users, sequences, roles, rights, schemas and comments hold no expressions to run.
            case INDEX, USER, SEQUENCE, ROLE, RIGHT, SCHEMA, COMMENT -> null;
            case CONSTRAINT -> upper.startsWith("ALTER TABLE ") ? null : "an unusual constraint";
            case SETTING -> ALLOWED_SETTINGS.contains(settingName(upper)) ? null : "the database setting " + settingName(upper);
            case TRIGGER -> "a trigger";
            case FUNCTION_ALIAS -> "a Java function alias";
            case CONSTANT -> "a constant";
            case DOMAIN -> "a domain";
            case AGGREGATE -> "a user-defined aggregate";
            case SYNONYM -> "a synonym";
            default -> "a database object of type " + type;
        };
        if (refusal != null) {
            throw untrusted(file, refusal, type == SETTING ? "" : objectName(sql));
        }
    }

    private static String settingName(String upperSql) {
        String rest = upperSql.startsWith("SET ") ? upperSql.substring(4).strip() : upperSql;
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    private static String objectName(String sql) {
        Matcher m = NAME.matcher(sql);
        if (!m.find()) {
            return "";
        }
        return m.group(3) != null ? m.group(3) : m.group(1) + "." + m.group(2);
    }

    static StoreUntrustedException untrusted(Object where, String what, String name) {
        return new StoreUntrustedException("The store " + where + " contains " + what + (name.isEmpty() ? "" : " (" + name + ")")
                + ", which Quorum never creates; a store file from elsewhere could run code that way, so it was not opened."
                + " Import the designs from exported YAML instead (quorum store import)");
    }

    private static StoreException damaged(String file, RuntimeException e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new StoreException("Cannot read the store file " + file + ": it is damaged or not an H2 database (" + detail + ")", e);
    }
}
