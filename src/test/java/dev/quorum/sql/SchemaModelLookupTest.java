package dev.quorum.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.SqlDialect;
import org.junit.jupiter.api.Test;

/** Table and view lookups by name go through an index; they must answer exactly as a scan in DDL order did. */
class SchemaModelLookupTest {

    private static SchemaModel read(String ddl) {
        return new DdlImporter().importDdl(ddl, SqlDialect.POSTGRESQL);
    }

    @Test
    void findsTablesIgnoringCaseQuotesAndQualifier() {
        SchemaModel m = read("""
                CREATE TABLE Orders (id INT PRIMARY KEY);
                CREATE TABLE "Line_Items" (id INT PRIMARY KEY);
                CREATE VIEW recent_orders AS SELECT id FROM Orders;
                """);
        assertThat(m.table("orders")).map(t -> t.name().name()).hasValue("Orders");
        assertThat(m.table("public.ORDERS")).isPresent();
        assertThat(m.table("\"line_items\"")).map(t -> t.name().name()).hasValue("Line_Items");
        assertThat(m.table(" line_items ")).isPresent();
        assertThat(m.table("recent_orders")).isEmpty();
        assertThat(m.hasRelation("recent_orders")).isTrue();
        assertThat(m.hasRelation("shop.Recent_Orders")).isTrue();
        assertThat(m.hasRelation("missing")).isFalse();
    }

    @Test
    void theFirstOfTwoTablesWithOneNameWinsAsInAScan() {
        Table first = new Table("", SqlName.of("orders"), java.util.List.of(), null, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), "", 1);
        Table second = new Table("", SqlName.of("ORDERS"), java.util.List.of(), null, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), "", 2);
        SchemaModel m = new SchemaModel(java.util.List.of(first, second), java.util.List.of(), java.util.List.of());
        assertThat(m.table("Orders")).containsSame(first);
    }

    @Test
    void anEditedSchemaIsANewModelWithItsOwnIndex() {
        SchemaModel before = read("CREATE TABLE orders (id INT PRIMARY KEY);");
        assertThat(before.table("orders")).isPresent();
        SchemaModel after = read("CREATE TABLE purchases (id INT PRIMARY KEY);");
        assertThat(after.table("orders")).isEmpty();
        assertThat(after.table("purchases")).isPresent();
        assertThat(before).isEqualTo(read("CREATE TABLE orders (id INT PRIMARY KEY);"));
        assertThat(before).isNotEqualTo(after);
    }
}
