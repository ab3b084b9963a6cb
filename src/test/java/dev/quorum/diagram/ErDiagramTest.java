package dev.quorum.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.DdlImporter;
import dev.quorum.sql.SchemaModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ER generators on their whole output, and the scope, grouping and overview rules. */
class ErDiagramTest {

    static final String DDL = """
            CREATE TABLE users (
              user_id BIGINT PRIMARY KEY,
              email VARCHAR(255) NOT NULL UNIQUE,
              nickname TEXT
            );
            CREATE TABLE orders (
              order_id BIGINT PRIMARY KEY,
              user_id BIGINT NOT NULL REFERENCES users(user_id),
              coupon_id BIGINT REFERENCES coupons(coupon_id),
              total NUMERIC(12,2) NOT NULL
            );
            CREATE TABLE order_items (
              order_id BIGINT NOT NULL REFERENCES orders(order_id),
              line_no INT NOT NULL,
              PRIMARY KEY (order_id, line_no)
            );
            CREATE TABLE user_profiles (
              user_id BIGINT PRIMARY KEY REFERENCES users(user_id),
              bio TEXT
            );
            CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100;
            """;

    private static SchemaModel schema(String ddl) {
        return new DdlImporter().importDdl(ddl, SqlDialect.POSTGRESQL);
    }

    @Test
    void dotShowsColumnsWithMarkersCrowsFeetDashedViewsAndMissingTables() throws Exception {
        assertThat(ErDiagram.dot(schema(DDL), ErOptions.all())).isEqualTo("""
                digraph G {
                  graph [fontname="DejaVu Sans", fontsize=11, pad=0.3, rankdir=LR, nodesep=0.25, ranksep=0.7, labelloc=b, labeljust=l, \
                label="All tables: 4 tables, 1 view (dashed), 1 referenced but not defined. PK primary key, FK foreign key, UQ\\lunique, \
                NULL nullable. Crow's foot marks the many side; a circle marks optional.\\l"]
                  node [fontname="DejaVu Sans", fontsize=10]
                  edge [fontname="DejaVu Sans", fontsize=9]
                  t0 [shape=record, label="users|<c0> user_id : BIGINT PK\\l|<c1> email : VARCHAR(255) UQ\\l|<c2> nickname : TEXT NULL\\l", \
                style=filled, fillcolor="#f4f6f7", color="#2c3e50"]
                  t1 [shape=record, label="orders|<c0> order_id : BIGINT PK\\l|<c1> user_id : BIGINT FK\\l|<c2> coupon_id : BIGINT FK NULL\\l\
                |<c3> total : NUMERIC(12,2)\\l", style=filled, fillcolor="#f4f6f7", color="#2c3e50"]
                  t2 [shape=record, label="order_items|<c0> order_id : BIGINT PK FK\\l|<c1> line_no : INT PK\\l", style=filled, \
                fillcolor="#f4f6f7", color="#2c3e50"]
                  t3 [shape=record, label="user_profiles|<c0> user_id : BIGINT PK FK\\l|<c1> bio : TEXT NULL\\l", style=filled, \
                fillcolor="#f4f6f7", color="#2c3e50"]
                  m4 [shape=box, style=dashed, color="#c0392b", fontcolor="#c0392b", label="coupons\\n(not defined in the schema)"]
                  v5 [shape=box, style="dashed,rounded", color="#2c3e50", label="view\\nbig_orders"]
                  t1:c1 -> t0:c0 [dir=both, arrowtail=crowodot, arrowhead=teetee, penwidth=1, color="#34495e"]
                  t1:c2 -> m4 [dir=both, arrowtail=crowodot, arrowhead=teeodot, penwidth=1, color="#34495e"]
                  t2:c0 -> t1:c0 [dir=both, arrowtail=crowodot, arrowhead=teetee, penwidth=1.6, color="#34495e"]
                  t3:c0 -> t0:c0 [dir=both, arrowtail=teeodot, arrowhead=teetee, penwidth=1.6, color="#34495e"]
                }
                """);
    }

    @Test
    void mermaidUsesSyntheticEntitiesQuotedAliasesAndCrowsFootCardinality() throws Exception {
        assertThat(ErDiagram.mermaid(schema(DDL), ErOptions.all())).isEqualTo("""
                erDiagram
                    t0["users"] {
                        BIGINT user_id PK
                        VARCHAR(255) email UK
                        TEXT nickname "NULL"
                    }
                    t1["orders"] {
                        BIGINT order_id PK
                        BIGINT user_id FK
                        BIGINT coupon_id FK "NULL"
                        NUMERIC(12_2) total "NUMERIC(12,2)"
                    }
                    t2["order_items"] {
                        BIGINT order_id PK, FK
                        INT line_no PK
                    }
                    t3["user_profiles"] {
                        BIGINT user_id PK, FK
                        TEXT bio "NULL"
                    }
                    m4["coupons (not defined)"]
                    v5["view big_orders"]
                    t1 }o..|| t0 : "user_id"
                    t1 }o..o| m4 : "coupon_id"
                    t2 }o--|| t1 : "order_id"
                    t3 |o--|| t0 : "user_id"
                """);
    }

    @Test
    void aNeighbourhoodKeepsTablesWithinTheHopsInEitherDirectionAndMarksTheFocus() throws Exception {
        SchemaModel s = schema(DDL);
        assertThat(ErDiagram.dot(s, ErOptions.neighbourhood("order_items", 0))).contains("t0 [shape=record, label=\"order_items|")
                .doesNotContain("t1 [");
        String oneHop = ErDiagram.dot(s, ErOptions.neighbourhood("ORDER_ITEMS", 1));
        assertThat(DotStructure.parse(oneHop).nodes()).hasSize(2);
        assertThat(oneHop).contains("label=\"orders|", "label=\"order_items|", "style=\"filled,bold\", fillcolor=\"#fdebd0\"")
                .contains("Tables within 1 hop of ORDER_ITEMS: 2 tables");
        // Two hops reach users and the missing coupons through orders, but not user_profiles (three hops).
        DotStructure twoHops = DotStructure.parse(ErDiagram.dot(s, ErOptions.neighbourhood("public.order_items", 2)));
        assertThat(twoHops.nodes()).hasSize(4);
        assertThat(twoHops.edges()).hasSize(3);
        assertThat(DotStructure.parse(ErDiagram.dot(s, ErOptions.neighbourhood("order_items", 3))).nodes()).hasSize(5);
    }

    @Test
    void anUnknownFocusTableIsAClearError() {
        assertThatThrownBy(() -> ErDiagram.dot(schema(DDL), ErOptions.neighbourhood("ordrs", 1)))
                .isInstanceOf(DiagramInputException.class)
                .hasMessage("no table named 'ordrs' in the schema; tables: order_items, orders, user_profiles, users");
        assertThatThrownBy(() -> new ErOptions(ErOptions.Scope.NEIGHBOURHOOD, "x", 21, "", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQueryScopeDrawsTheTablesTheQueryTouches() throws Exception {
        String dot = ErDiagram.dot(schema(DDL), ErOptions.query(
                "SELECT o.order_id, u.email FROM orders o JOIN users u ON u.user_id = o.user_id WHERE u.user_id = ?"));
        DotStructure parsed = DotStructure.parse(dot);
        assertThat(parsed.nodes()).hasSize(2);
        assertThat(parsed.edges()).containsExactly("t1 -> t0");
        assertThat(dot).contains("Tables the query touches: 2 tables");
        assertThatThrownBy(() -> ErDiagram.dot(schema(DDL), ErOptions.query("SELEC nonsense")))
                .isInstanceOf(DiagramInputException.class).hasMessageStartingWith("the query cannot be drawn: ");
    }

    @Test
    void partitionsAreDrawnAsTheirParentWithTheirForeignKeys() throws Exception {
        String ddl = """
                CREATE TABLE customer (customer_id INT PRIMARY KEY);
                CREATE TABLE payment (payment_id INT NOT NULL, customer_id INT NOT NULL, PRIMARY KEY (payment_id)) PARTITION BY RANGE (payment_id);
                CREATE TABLE payment_p1 PARTITION OF payment FOR VALUES FROM (1) TO (100);
                CREATE TABLE payment_p2 PARTITION OF payment FOR VALUES FROM (100) TO (200);
                ALTER TABLE payment_p1 ADD CONSTRAINT fk1 FOREIGN KEY (customer_id) REFERENCES customer(customer_id);
                ALTER TABLE payment_p2 ADD CONSTRAINT fk2 FOREIGN KEY (customer_id) REFERENCES customer(customer_id);
                """;
        String dot = ErDiagram.dot(schema(ddl), ErOptions.all());
        DotStructure parsed = DotStructure.parse(dot);
        assertThat(parsed.nodes()).hasSize(2);
        assertThat(parsed.edges()).containsExactly("t1 -> t0");
        assertThat(dot).contains("label=\"payment (+2 partitions)|", "2 partitions drawn as their parent");
    }

    @Test
    void tablesAreGroupedBySchemaAutomaticallyOrByPrefixOnRequest() throws Exception {
        String ddl = """
                CREATE TABLE sales.orders (id INT PRIMARY KEY);
                CREATE TABLE sales.order_lines (id INT PRIMARY KEY, order_id INT REFERENCES sales.orders(id));
                CREATE TABLE stock.items (id INT PRIMARY KEY);
                CREATE TABLE stock.item_moves (id INT PRIMARY KEY, item_id INT REFERENCES stock.items(id));
                """;
        DotStructure bySchema = DotStructure.parse(ErDiagram.dot(schema(ddl), ErOptions.all()));
        assertThat(bySchema.clusters()).containsExactly("cluster_0", "cluster_1");
        assertThat(ErDiagram.dot(schema(ddl), ErOptions.all())).contains("label=\"schema sales\"", "label=\"schema stock\"");

        String flat = """
                CREATE TABLE film (id INT PRIMARY KEY);
                CREATE TABLE film_actor (id INT PRIMARY KEY);
                CREATE TABLE film_category (id INT PRIMARY KEY);
                CREATE TABLE actor (id INT PRIMARY KEY);
                """;
        assertThat(DotStructure.parse(ErDiagram.dot(schema(flat), ErOptions.all())).clusters()).isEmpty();
        String byPrefix = ErDiagram.dot(schema(flat), ErOptions.all().withClustering(ErOptions.Clustering.PREFIX));
        assertThat(DotStructure.parse(byPrefix).clusters()).containsExactly("cluster_0");
        assertThat(byPrefix).contains("label=\"film_*\"");
    }

    @Test
    void aSchemaOfHundredsOfTablesGetsATablesOnlyOverviewThatRenders() throws Exception {
        SchemaModel big = schema(SyntheticSchema.ddl(400));
        String dot = ErDiagram.dot(big, ErOptions.all());
        assertThat(dot).contains("Overview: tables only", "splines=line").doesNotContain("shape=record");
        DotStructure parsed = DotStructure.parse(dot);
        assertThat(parsed.nodes()).hasSize(400);
        assertThat(parsed.edges()).hasSize(SyntheticSchema.foreignKeys(400));
        String svg = new DiagramRenderer(RenderEngine.DOT, java.time.Duration.ofSeconds(120)).render(dot, RenderFormat.SVG).text();
        assertThat(SvgStructure.parse(svg).nodeTexts()).hasSize(400);
        // Below the threshold the columns are drawn; asking for them draws them at any size.
        assertThat(ErDiagram.dot(schema(SyntheticSchema.ddl(ErOptions.OVERVIEW_THRESHOLD)), ErOptions.all())).contains("shape=record");
        assertThat(ErDiagram.dot(big, ErOptions.all().withDetail(ErOptions.Detail.COLUMNS))).contains("shape=record");
        // Mermaid falls back to the overview when the columns would pass Mermaid's text limit.
        String mermaid = ErDiagram.mermaid(big, ErOptions.all().withDetail(ErOptions.Detail.AUTO));
        assertThat(mermaid.length()).isLessThan(ErDiagram.MERMAID_TEXT_LIMIT);
        assertThat(MermaidStructure.erDiagram(mermaid).nodeLabels()).hasSize(400);
    }

    @Test
    void theSameSchemaAlwaysGivesTheSameText() throws Exception {
        SchemaModel s = schema(SyntheticSchema.ddl(50));
        assertThat(ErDiagram.dot(s, ErOptions.all())).isEqualTo(ErDiagram.dot(schema(SyntheticSchema.ddl(50)), ErOptions.all()));
        assertThat(ErDiagram.mermaid(s, ErOptions.all())).isEqualTo(ErDiagram.mermaid(s, ErOptions.all()));
        assertThat(List.of(ErDiagram.hasContent(s), ErDiagram.hasContent(SchemaModel.EMPTY))).containsExactly(true, false);
    }
}
