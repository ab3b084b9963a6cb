package dev.quorum.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.SqlDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdlImporterTest {

    private static SchemaModel read(String ddl, SqlDialect dialect) {
        return new DdlImporter().importDdl(ddl, dialect);
    }

    private static Table table(SchemaModel m, String name) {
        return m.table(name).orElseThrow(() -> new AssertionError("no table " + name + "; skipped: " + m.skipped()));
    }

    private static List<String> names(List<SqlName> names) {
        return names.stream().map(SqlName::name).toList();
    }

    @Test
    void inlineForeignKeysWithAndWithoutColumns() {
        SchemaModel m = read("""
                CREATE TABLE users (id BIGINT PRIMARY KEY, email text);
                CREATE TABLE orders (
                  id INT PRIMARY KEY,
                  user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                  buyer_id BIGINT CONSTRAINT fk_buyer REFERENCES users
                );
                """, SqlDialect.POSTGRESQL);
        List<ForeignKey> fks = table(m, "orders").foreignKeys();
        assertThat(fks).hasSize(2);
        assertThat(fks.get(0).name()).isEmpty();
        assertThat(names(fks.get(0).columns())).containsExactly("user_id");
        assertThat(fks.get(0).referencedTable().name()).isEqualTo("users");
        assertThat(names(fks.get(0).referencedColumns())).containsExactly("id");
        assertThat(fks.get(0).line()).isEqualTo(4);
        assertThat(fks.get(1).name()).isEqualTo("fk_buyer");
        // REFERENCES without columns means the target's primary key
        assertThat(names(fks.get(1).referencedColumns())).containsExactly("id");
    }

    @Test
    void tableLevelForeignKeyCompositePrimaryKeyAndUniqueConstraints() {
        SchemaModel m = read("""
                CREATE TABLE line (
                  order_id INT,
                  line_no INT,
                  sku VARCHAR(20) UNIQUE,
                  a INT, b INT,
                  CONSTRAINT pk_line PRIMARY KEY (order_id, line_no),
                  CONSTRAINT uq_ab UNIQUE (a, b),
                  CONSTRAINT fk_pair FOREIGN KEY (a, b) REFERENCES pairs (x, y),
                  CHECK (line_no > 0)
                );
                """, SqlDialect.POSTGRESQL);
        Table t = table(m, "line");
        assertThat(t.primaryKey()).get().satisfies(pk -> {
            assertThat(pk.name()).isEqualTo("pk_line");
            assertThat(names(pk.columns())).containsExactly("order_id", "line_no");
            assertThat(pk.line()).isEqualTo(6);
        });
        assertThat(t.column("order_id").orElseThrow().nullable()).as("primary key columns are NOT NULL").isFalse();
        assertThat(t.column("a").orElseThrow().nullable()).isTrue();
        assertThat(t.uniqueConstraints()).hasSize(2);
        assertThat(t.uniqueConstraints().get(0)).satisfies(u -> {
            assertThat(u.name()).isEmpty();
            assertThat(names(u.columns())).containsExactly("sku");
            assertThat(u.line()).isEqualTo(4);
        });
        assertThat(t.uniqueConstraints().get(1)).satisfies(u -> {
            assertThat(u.name()).isEqualTo("uq_ab");
            assertThat(names(u.columns())).containsExactly("a", "b");
            assertThat(u.line()).isEqualTo(7);
        });
        assertThat(t.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("fk_pair");
            assertThat(names(fk.columns())).containsExactly("a", "b");
            assertThat(fk.referencedTable().name()).isEqualTo("pairs");
            assertThat(names(fk.referencedColumns())).containsExactly("x", "y");
            assertThat(fk.line()).isEqualTo(8);
        });
    }

    @Test
    void alterTableDropColumnRemovesTheColumnAndAnUnknownOneIsReported() {
        SchemaModel m = read("""
                CREATE TABLE users (id int PRIMARY KEY, password varchar(64), email text, CONSTRAINT uq_users_email UNIQUE (email));
                ALTER TABLE users ADD COLUMN password_hash VARCHAR(255);
                ALTER TABLE users DROP COLUMN password;
                ALTER TABLE users DROP COLUMN nickname;
                ALTER TABLE users DROP CONSTRAINT uq_users_email;
                """, SqlDialect.POSTGRESQL);
        Table users = m.table("users").orElseThrow();
        assertThat(users.columns()).extracting(c -> c.name().name()).containsExactly("id", "email", "password_hash");
        assertThat(users.uniqueConstraints()).isEmpty();
        assertThat(m.skipped()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(4));
    }

    @Test
    void alterTableAddsKeysColumnsAndNullability() {
        SchemaModel m = read("""
                CREATE TABLE users (id int, email text);
                CREATE TABLE orders (id int, user_id int, code text, note text);
                ALTER TABLE ONLY users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
                ALTER TABLE orders ADD PRIMARY KEY (id);
                ALTER TABLE orders ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id) REFERENCES users(id) NOT VALID;
                ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);
                ALTER TABLE orders ADD COLUMN created_at timestamp with time zone DEFAULT now() NOT NULL;
                ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
                ALTER TABLE orders ALTER COLUMN code SET DEFAULT 'x';
                ALTER TABLE missing ADD PRIMARY KEY (x);
                ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
                """, SqlDialect.POSTGRESQL);
        assertThat(table(m, "users").primaryKey()).get().extracting(KeyConstraint::name).isEqualTo("users_pkey");
        Table orders = table(m, "orders");
        assertThat(orders.primaryKey()).get().satisfies(pk -> {
            assertThat(pk.name()).isEmpty();
            assertThat(pk.line()).isEqualTo(4);
        });
        assertThat(orders.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("orders_user_fkey");
            assertThat(fk.line()).isEqualTo(5);
        });
        assertThat(orders.uniqueConstraints()).singleElement().extracting(KeyConstraint::name).isEqualTo("orders_code_key");
        Column created = orders.column("created_at").orElseThrow();
        assertThat(created.baseType()).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(created.nullable()).isFalse();
        assertThat(created.defaultValue()).isEqualTo("now()");
        assertThat(orders.column("note").orElseThrow().nullable()).isFalse();
        assertThat(orders.column("code").orElseThrow().defaultValue()).isEqualTo("'x'");
        assertThat(m.skipped()).extracting(SkippedStatement::line).containsExactly(10, 11);
        assertThat(m.skipped().get(0).reason()).contains("does not define").contains("missing");
        assertThat(m.skipped().get(1).reason()).contains("ENABLE");
    }

    @Test
    void indexesUniqueMultiColumnPartialAndExpression() {
        SchemaModel m = read("""
                CREATE TABLE users (id int PRIMARY KEY, email text, status text, created_at timestamp, deleted_at timestamp);
                CREATE UNIQUE INDEX users_email_key ON users USING btree (email);
                CREATE INDEX users_status_created ON ONLY public.users (status, created_at DESC NULLS LAST);
                CREATE INDEX users_live ON users (email) WHERE deleted_at IS NULL;
                CREATE INDEX users_lower_email ON users (lower(email));
                CREATE INDEX CONCURRENTLY IF NOT EXISTS users_pattern ON users USING btree (email text_pattern_ops)
                    INCLUDE (status) WITH (fillfactor = 70) WHERE status <> 'gone';
                """, SqlDialect.POSTGRESQL);
        List<Index> ix = table(m, "users").indexes();
        assertThat(m.skipped()).isEmpty();
        assertThat(ix).extracting(Index::name)
                .containsExactly("users_email_key", "users_status_created", "users_live", "users_lower_email", "users_pattern");
        assertThat(ix.get(0).unique()).isTrue();
        assertThat(ix.get(1).unique()).isFalse();
        assertThat(names(ix.get(1).columns())).containsExactly("status", "created_at");
        assertThat(ix.get(2).partial()).isTrue();
        assertThat(ix.get(2).where()).isEqualTo("deleted_at IS NULL");
        assertThat(ix.get(1).partial()).isFalse();
        assertThat(names(ix.get(3).columns())).containsExactly("lower(email)");
        assertThat(names(ix.get(4).columns())).containsExactly("email");
        assertThat(ix.get(4).where()).isEqualTo("status <> 'gone'");
        assertThat(ix).extracting(Index::line).containsExactly(2, 3, 4, 5, 6);
    }

    @Test
    void typesDefaultsAndNullability() {
        SchemaModel m = read("""
                CREATE TABLE t (
                  a character varying(45) NOT NULL,
                  b numeric(5,2) DEFAULT 0.00,
                  c timestamp without time zone DEFAULT CURRENT_TIMESTAMP,
                  d timestamp with time zone NOT NULL DEFAULT now(),
                  e integer DEFAULT nextval('t_e_seq'::regclass) NOT NULL,
                  f text DEFAULT 'it''s',
                  g boolean DEFAULT false,
                  h double precision,
                  i varchar(20)[],
                  j int NULL
                );
                """, SqlDialect.POSTGRESQL);
        Table t = table(m, "t");
        assertThat(t.columns()).extracting(Column::type).containsExactly("character varying(45)", "numeric(5,2)",
                "timestamp without time zone", "timestamp with time zone", "integer", "text", "boolean", "double precision",
                "varchar(20)[]", "int");
        assertThat(t.columns()).extracting(Column::baseType).containsExactly("CHARACTER VARYING", "NUMERIC",
                "TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP WITH TIME ZONE", "INTEGER", "TEXT", "BOOLEAN", "DOUBLE PRECISION",
                "VARCHAR", "INT");
        assertThat(t.columns()).extracting(Column::nullable)
                .containsExactly(false, true, true, false, false, true, true, true, true, true);
        assertThat(t.columns()).extracting(Column::defaultValue).containsExactly(null, "0.00", "CURRENT_TIMESTAMP", "now()",
                "nextval('t_e_seq'::regclass)", "'it''s'", "false", null, null, null);
        assertThat(t.columns()).extracting(Column::line).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void h2Syntax() {
        SchemaModel m = read("""
                CREATE CACHED TABLE "PUBLIC"."DOCS"(
                    "ID" BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    "BODY" CLOB,
                    "NAME" VARCHAR_IGNORECASE(20) DEFAULT 'x' NOT NULL
                );
                ALTER TABLE "PUBLIC"."DOCS" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_2" PRIMARY KEY("ID");
                ALTER TABLE "PUBLIC"."DOCS" ADD CONSTRAINT "PUBLIC"."CONSTRAINT_21" UNIQUE("NAME");
                CREATE TABLE IF NOT EXISTS notes (id IDENTITY NOT NULL PRIMARY KEY, doc CLOB, at TIMESTAMP WITH TIME ZONE);
                CREATE INDEX IF NOT EXISTS idx_notes_at ON notes(at);
                """, SqlDialect.H2);
        assertThat(m.skipped()).isEmpty();
        Table docs = table(m, "docs");
        assertThat(docs.schema()).isEqualTo("PUBLIC");
        assertThat(docs.name()).isEqualTo(new SqlName("DOCS", true));
        assertThat(docs.primaryKey()).get().satisfies(pk -> {
            assertThat(pk.name()).isEqualTo("CONSTRAINT_2");
            assertThat(names(pk.columns())).containsExactly("ID");
        });
        assertThat(docs.uniqueConstraints()).singleElement().extracting(KeyConstraint::name).isEqualTo("CONSTRAINT_21");
        assertThat(docs.column("body").orElseThrow().baseType()).isEqualTo("CLOB");
        assertThat(docs.column("id").orElseThrow().hasDefault()).as("an identity is not a DEFAULT").isFalse();
        assertThat(docs.column("name").orElseThrow().defaultValue()).isEqualTo("'x'");
        Table notes = table(m, "notes");
        assertThat(notes.column("id").orElseThrow().type()).isEqualTo("IDENTITY");
        assertThat(notes.primaryKey()).isPresent();
        assertThat(notes.indexes()).singleElement().extracting(Index::name).isEqualTo("idx_notes_at");
    }

    @Test
    void sqlServerBasics() {
        SchemaModel m = read("""
                USE [Shop]
                GO
                SET ANSI_NULLS ON
                GO
                CREATE TABLE [dbo].[Orders](
                	[Id] [int] IDENTITY(1,1) NOT NULL,
                	[Note] NVARCHAR(MAX) NULL,
                	[CustomerId] [int] NOT NULL,
                 CONSTRAINT [PK_Orders] PRIMARY KEY CLUSTERED
                (
                	[Id] ASC
                )WITH (PAD_INDEX = OFF, STATISTICS_NORECOMPUTE = OFF) ON [PRIMARY]
                ) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
                GO
                CREATE NONCLUSTERED INDEX [IX_Orders_CustomerId] ON [dbo].[Orders]([CustomerId] ASC)
                GO
                CREATE UNIQUE NONCLUSTERED INDEX [IX_Orders_Note] ON [dbo].[Orders]([Note])
                GO
                ALTER TABLE [dbo].[Orders]  WITH CHECK ADD  CONSTRAINT [FK_Orders_Customers] FOREIGN KEY([CustomerId])
                REFERENCES [dbo].[Customers] ([Id])
                GO
                ALTER TABLE [dbo].[Orders] CHECK CONSTRAINT [FK_Orders_Customers]
                GO
                ALTER TABLE [dbo].[Orders] ADD  CONSTRAINT [DF_Orders_Note]  DEFAULT (N'') FOR [Note]
                GO
                """, SqlDialect.SQL_SERVER);
        Table orders = table(m, "Orders");
        assertThat(orders.schema()).isEqualTo("dbo");
        assertThat(orders.line()).isEqualTo(5);
        assertThat(orders.columns()).extracting(Column::type).containsExactly("int", "NVARCHAR(MAX)", "int");
        assertThat(orders.column("Id").orElseThrow().nullable()).isFalse();
        assertThat(orders.column("Note").orElseThrow().nullable()).isTrue();
        assertThat(orders.column("Note").orElseThrow().defaultValue()).isEqualTo("(N'')");
        assertThat(orders.primaryKey()).get().satisfies(pk -> {
            assertThat(pk.name()).isEqualTo("PK_Orders");
            assertThat(names(pk.columns())).containsExactly("Id");
        });
        assertThat(orders.indexes()).extracting(Index::name).containsExactly("IX_Orders_CustomerId", "IX_Orders_Note");
        assertThat(orders.indexes()).extracting(Index::unique).containsExactly(false, true);
        assertThat(orders.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("FK_Orders_Customers");
            assertThat(fk.referencedTable().name()).isEqualTo("Customers");
            assertThat(fk.line()).isEqualTo(19);
        });
        assertThat(m.skipped()).extracting(SkippedStatement::line).containsExactly(1, 3, 22);
        assertThat(m.skipped()).noneMatch(s -> s.summary().equalsIgnoreCase("GO"));
    }

    @Test
    void mysqlInlineKeysTableOptionsAndDelimiter() {
        SchemaModel m = read("""
                /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
                CREATE TABLE `item` (
                  `id` INT NOT NULL AUTO_INCREMENT,
                  `a` VARCHAR(10) COMMENT 'it\\'s; fine',
                  `b` INT UNSIGNED DEFAULT 0,
                  `c` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
                  PRIMARY KEY (`id`),
                  KEY `idx_a_b` (`a`, `b`),
                  UNIQUE KEY `uk_b` (`b`),
                  INDEX (`c`),
                  KEY `idx_prefix` (`a`(5)),
                  CONSTRAINT `fk_b` FOREIGN KEY (`b`) REFERENCES `other` (`id`) ON DELETE CASCADE
                ) ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
                DELIMITER $$
                CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$
                DELIMITER ;
                CREATE TABLE after_proc (id INT);
                ALTER TABLE item ADD INDEX idx_c (c), ADD UNIQUE KEY uk_a (a);
                CREATE TABLE item_copy LIKE item;
                CREATE DEFINER=user@localhost TRIGGER trg BEFORE INSERT ON item FOR EACH ROW SET NEW.b = 1;
                """, SqlDialect.MYSQL);
        Table item = table(m, "item");
        assertThat(item.primaryKey()).get().satisfies(pk -> assertThat(names(pk.columns())).containsExactly("id"));
        assertThat(item.indexes()).extracting(Index::name).containsExactly("idx_a_b", "uk_b", "", "idx_prefix", "idx_c", "uk_a");
        assertThat(item.indexes()).extracting(Index::unique).containsExactly(false, true, false, false, false, true);
        assertThat(names(item.indexes().get(0).columns())).containsExactly("a", "b");
        assertThat(names(item.indexes().get(3).columns())).containsExactly("a");
        assertThat(item.indexes()).extracting(Index::line).containsExactly(8, 9, 10, 11, 18, 18);
        assertThat(item.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("fk_b");
            assertThat(fk.line()).isEqualTo(12);
        });
        assertThat(item.column("b").orElseThrow().type()).isEqualTo("INT UNSIGNED");
        assertThat(item.column("c").orElseThrow().defaultValue()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(table(m, "after_proc").line()).isEqualTo(17);
        assertThat(table(m, "item_copy").columns()).extracting(c -> c.name().name()).containsExactly("id", "a", "b", "c");
        assertThat(m.skipped()).extracting(SkippedStatement::line).containsExactly(15, 20);
        assertThat(m.skipped()).extracting(SkippedStatement::reason).containsExactly("function body", "trigger");
    }

    @Test
    void partitionsAreTables() {
        SchemaModel m = read("""
                CREATE TABLE measurement (id int, logdate date NOT NULL, PRIMARY KEY (id, logdate)) PARTITION BY RANGE (logdate);
                CREATE TABLE measurement_y2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                CREATE TABLE measurement_rest PARTITION OF measurement (CONSTRAINT rest_pk PRIMARY KEY (id, logdate)) DEFAULT;
                CREATE TABLE m_old (id int, logdate date NOT NULL);
                ALTER TABLE ONLY measurement ATTACH PARTITION m_old FOR VALUES FROM ('2000-01-01') TO ('2024-01-01');
                """, SqlDialect.POSTGRESQL);
        assertThat(m.skipped()).isEmpty();
        assertThat(table(m, "measurement").partitionOf()).isEmpty();
        assertThat(table(m, "measurement").primaryKey()).isPresent();
        Table y2024 = table(m, "measurement_y2024");
        assertThat(y2024.partitionOf()).isEqualTo("measurement");
        assertThat(y2024.columns()).extracting(c -> c.name().name()).containsExactly("id", "logdate");
        assertThat(y2024.line()).isEqualTo(2);
        assertThat(table(m, "measurement_rest").primaryKey()).get().extracting(KeyConstraint::name).isEqualTo("rest_pk");
        assertThat(table(m, "m_old").partitionOf()).isEqualTo("measurement");
    }

    @Test
    void oneBadStatementNeverFailsTheImport() {
        SchemaModel m = read("""
                CREATE TABLE a (id int);
                THIS IS NOT SQL AT ALL;
                CREATE TABLE broken (id int,, x);
                CREATE TABLE b (id int);
                """, null);
        assertThat(m.tables()).extracting(t -> t.name().name()).containsExactly("a", "b");
        assertThat(m.skipped()).extracting(SkippedStatement::line).containsExactly(2, 3);
        assertThat(m.skipped()).allSatisfy(s -> assertThat(s.reason()).startsWith("not understood by the SQL parser: "));
        assertThat(m.skipped().get(1).reason()).contains("line 3");
        assertThat(m.skipped().get(0).summary()).isEqualTo("THIS IS NOT SQL AT ALL");
    }

    @Test
    void nonSchemaStatementsAreSkippedWithAReason() {
        SchemaModel m = read("""
                SET search_path = public;
                COMMENT ON TABLE a IS 'x';
                GRANT SELECT ON a TO reader;
                CREATE SEQUENCE s;
                CREATE TYPE mood AS ENUM ('a');
                CREATE DOMAIN pos AS int CHECK (VALUE > 0);
                CREATE EXTENSION IF NOT EXISTS pgcrypto;
                CREATE SCHEMA app;
                CREATE FUNCTION f() RETURNS trigger AS $f$ BEGIN NEW.x := 1; RETURN NEW; END; $f$ LANGUAGE plpgsql;
                CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f();
                ALTER TABLE a OWNER TO admin;
                INSERT INTO a VALUES (1);
                """, SqlDialect.POSTGRESQL);
        assertThat(m.tables()).isEmpty();
        assertThat(m.skipped()).extracting(SkippedStatement::reason).containsExactly("SET statement (session setting)",
                "COMMENT ON", "GRANT/REVOKE", "sequence", "type/domain", "type/domain", "extension", "schema creation",
                "function body", "trigger", "ownership (OWNER TO)", "data or query statement, not a schema definition");
        assertThat(m.skipped()).extracting(SkippedStatement::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void aTableDefinedTwiceKeepsTheFirstAndSaysSo() {
        SchemaModel m = read("CREATE TABLE a (id int);\nCREATE TABLE a (other text);", null);
        assertThat(m.tables()).singleElement().satisfies(t -> assertThat(t.column("id")).isPresent());
        assertThat(m.skipped()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(2);
            assertThat(s.reason()).contains("defined twice");
        });
    }

    @Test
    void excludeConstraintsAndCollationsAreDroppedBeforeARetry() {
        SchemaModel m = read("""
                CREATE TABLE booking (
                  id int PRIMARY KEY,
                  room text COLLATE "C" NOT NULL,
                  CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =)
                );
                """, SqlDialect.POSTGRESQL);
        Table t = table(m, "booking");
        assertThat(t.columns()).hasSize(2);
        assertThat(t.column("room").orElseThrow().nullable()).isFalse();
        assertThat(t.primaryKey()).isPresent();
    }

    @Test
    void emptyOrCommentOnlyInputGivesAnEmptyModel() {
        assertThat(read(null, null)).isEqualTo(SchemaModel.EMPTY);
        assertThat(read("  -- nothing here\n/* at all */", SqlDialect.POSTGRESQL).tables()).isEmpty();
        assertThat(read("  -- nothing here\n/* at all */", SqlDialect.POSTGRESQL).skipped()).isEmpty();
    }
}
