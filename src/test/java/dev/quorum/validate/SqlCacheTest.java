package dev.quorum.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.sql.SchemaModel;
import org.junit.jupiter.api.Test;

class SqlCacheTest {

    private final SqlCache cache = new SqlCache();

    @Test
    void theSameTextReusesTheParseAndNewTextParsesAgain() {
        String ddl = "CREATE TABLE t (id INT PRIMARY KEY, name TEXT);";
        SchemaModel first = cache.schema(ddl, SqlDialect.POSTGRESQL);
        assertThat(cache.schema(ddl, SqlDialect.POSTGRESQL)).isSameAs(first);
        assertThat(cache.schema(ddl, SqlDialect.MYSQL)).isNotSameAs(first);
        SchemaModel changed = cache.schema(ddl + "\nCREATE TABLE u (id INT PRIMARY KEY);", SqlDialect.POSTGRESQL);
        assertThat(changed.tables()).hasSize(2);
    }

    @Test
    void queryAnalysesAreReusedOnlyForTheSchemaTheyWereMadeAgainst() {
        SchemaModel schema = cache.schema("CREATE TABLE t (id INT PRIMARY KEY, name TEXT);", SqlDialect.POSTGRESQL);
        QueryAnalysis q = cache.query("SELECT name FROM t WHERE id = 1", schema);
        assertThat(cache.query("SELECT name FROM t WHERE id = 1", schema)).isSameAs(q);
        assertThat(q.equalityPredicates()).extracting(Object::toString).containsExactly("t.id");
        SchemaModel other = cache.schema("CREATE TABLE t (id INT PRIMARY KEY);", SqlDialect.POSTGRESQL);
        assertThat(cache.query("SELECT name FROM t WHERE id = 1", other)).isNotSameAs(q);
    }
}
