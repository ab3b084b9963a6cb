package dev.quorum.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.StatementSplitter.RawStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    private static List<String> texts(String sql, SqlDialect dialect) {
        return StatementSplitter.split(sql, dialect).stream().map(RawStatement::text).toList();
    }

    @Test
    void semicolonsInsideQuotesAndCommentsDoNotSplit() {
        String sql = "INSERT INTO t VALUES ('a;b', \"c;d\"); -- x; y\n/* p; q */ SELECT `e;f` FROM t;";
        assertThat(texts(sql, null)).containsExactly("INSERT INTO t VALUES ('a;b', \"c;d\")", "SELECT `e;f` FROM t");
    }

    @Test
    void dollarQuotedBodiesWithAndWithoutTagsStayWhole() {
        String sql = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\n"
                + "CREATE FUNCTION g() RETURNS int AS $body$ SELECT 1; SELECT $1; $body$ LANGUAGE sql;\n"
                + "SELECT 1;";
        List<String> parts = texts(sql, SqlDialect.POSTGRESQL);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).endsWith("$$ LANGUAGE plpgsql");
        assertThat(parts.get(1)).contains("SELECT $1; $body$");
        assertThat(parts.get(2)).isEqualTo("SELECT 1");
    }

    @Test
    void numberedParametersAreNotDollarQuotes() {
        assertThat(texts("SELECT * FROM t WHERE a = $1; SELECT $2;", SqlDialect.POSTGRESQL))
                .containsExactly("SELECT * FROM t WHERE a = $1", "SELECT $2");
    }

    @Test
    void lineNumbersSkipLeadingCommentsAndBlankLines() {
        String sql = "-- header\n\n/* block\n comment */\n  SET a = 1;\n\nCREATE TABLE t (\n id int\n);";
        List<RawStatement> st = StatementSplitter.split(sql, null);
        assertThat(st).extracting(RawStatement::line).containsExactly(5, 7);
    }

    @Test
    void mysqlDelimiterChangesTheTerminator() {
        String sql = "DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$\nDELIMITER ;\nCREATE TABLE a (id int);";
        List<RawStatement> st = StatementSplitter.split(sql, SqlDialect.MYSQL);
        assertThat(st).extracting(RawStatement::text)
                .containsExactly("CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "CREATE TABLE a (id int)");
        assertThat(st).extracting(RawStatement::line).containsExactly(2, 4);
    }

    @Test
    void mysqlBackslashEscapesAndHashComments() {
        String sql = "# a; comment\nCREATE TABLE t (a varchar(5) COMMENT 'it\\'s; odd');\nSELECT 1;";
        assertThat(texts(sql, SqlDialect.MYSQL))
                .containsExactly("CREATE TABLE t (a varchar(5) COMMENT 'it\\'s; odd')", "SELECT 1");
    }

    @Test
    void goSeparatesSqlServerBatchesAndIsNotAStatement() {
        String sql = "CREATE TABLE [a;b] (id int)\nGO\nCREATE TABLE c (id int)\ngo 2\n";
        List<RawStatement> st = StatementSplitter.split(sql, SqlDialect.SQL_SERVER);
        assertThat(st).extracting(RawStatement::text).containsExactly("CREATE TABLE [a;b] (id int)", "CREATE TABLE c (id int)");
        assertThat(st).extracting(RawStatement::line).containsExactly(1, 3);
    }

    @Test
    void psqlMetaCommandsAreStatementsOfTheirOwn() {
        List<RawStatement> st = StatementSplitter.split("CREATE DATABASE x;\n\\c x\nCREATE TABLE t (id int);", null);
        assertThat(st).extracting(RawStatement::text).containsExactly("CREATE DATABASE x", "\\c x", "CREATE TABLE t (id int)");
        assertThat(st).extracting(RawStatement::line).containsExactly(1, 2, 3);
    }

    @Test
    void unterminatedQuotesRunToTheEndWithoutFailing() {
        assertThat(texts("SELECT 1; SELECT 'open; SELECT 2;", null)).containsExactly("SELECT 1", "SELECT 'open; SELECT 2;");
        assertThat(texts("SELECT 1; CREATE FUNCTION f() AS $$ never closed;", SqlDialect.POSTGRESQL)).hasSize(2);
    }

    @Test
    void summariesAreOneShortLine() {
        String s = StatementSplitter.summary("CREATE TABLE a_rather_long_table_name (\n  id integer NOT NULL, -- note\n"
                + "  another_long_column_name text)", null);
        assertThat(s).doesNotContain("\n").doesNotContain("note").hasSizeLessThanOrEqualTo(60).endsWith("...")
                .startsWith("CREATE TABLE a_rather_long_table_name ( id integer");
    }
}
