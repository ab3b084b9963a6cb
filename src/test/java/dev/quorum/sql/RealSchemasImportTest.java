package dev.quorum.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.quorum.model.SqlDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Imports the public schemas copied into src/test/resources/real-schemas. Every expected count is measured in the file itself
 * with a regular expression, so an equal count proves that every statement of that kind was recognised.
 */
class RealSchemasImportTest {

    private static final Path DIR = Path.of("src", "test", "resources", "real-schemas");

    private static String pagilaText;
    private static SchemaModel pagila;

    @BeforeAll
    static void importPagila() throws IOException {
        pagilaText = read("pagila-schema.sql");
        pagila = new DdlImporter().importDdl(pagilaText, SqlDialect.POSTGRESQL);
    }

    private static String read(String name) throws IOException {
        Path p = DIR.resolve(name);
        assertThat(p).as("the real-world schemas must be present").exists();
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The 1-based line of the first match of {@code regex}. */
    private static int lineOf(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(m.find()).as("pattern %s in the file", regex).isTrue();
        return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int primaryKeys(SchemaModel m) {
        return (int) m.tables().stream().filter(t -> t.primaryKey().isPresent()).count();
    }

    private static int foreignKeys(SchemaModel m) {
        return m.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum();
    }

    private static int indexes(SchemaModel m) {
        return m.tables().stream().mapToInt(t -> t.indexes().size()).sum();
    }

    private static Table table(SchemaModel m, String name) {
        return m.table(name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static List<SkippedStatement> skippedBecause(SchemaModel m, String reason) {
        return m.skipped().stream().filter(s -> s.reason().equals(reason)).toList();
    }

    // ------------------------------------------------------------------------------------------ pagila

    @Test
    void pagilaHasEveryCreateTablePartitionsIncluded() {
        int expected = count(pagilaText, "^CREATE TABLE ");
        assertThat(expected).isEqualTo(71);
        assertThat(pagila.tables()).hasSize(expected);
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("^CREATE TABLE public\\.(\\w+)", Pattern.MULTILINE).matcher(pagilaText);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(pagila.tables()).extracting(t -> t.name().name()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(pagila.tables()).allSatisfy(t -> assertThat(t.schema()).isEqualTo("public"));
    }

    @Test
    void pagilaHasEveryPrimaryKeyWhetherAddedByAlterOrDeclaredInline() {
        int added = count(pagilaText, "^\\s+ADD CONSTRAINT \\S+ PRIMARY KEY \\(");
        int inline = count(pagilaText, "^\\s+PRIMARY KEY \\(");
        assertThat(added).isEqualTo(15);
        assertThat(inline).isEqualTo(1);
        assertThat(primaryKeys(pagila)).isEqualTo(added + inline);
        assertThat(table(pagila, "film_actor").primaryKey()).get().satisfies(pk -> {
            assertThat(pk.name()).isEqualTo("film_actor_pkey");
            assertThat(pk.columns()).extracting(SqlName::name).containsExactly("actor_id", "film_id");
            assertThat(pk.line()).isEqualTo(lineOf(pagilaText, "^ALTER TABLE ONLY public\\.film_actor$"));
        });
        assertThat(table(pagila, "payment").primaryKey()).get()
                .satisfies(pk -> assertThat(pk.columns()).extracting(SqlName::name).containsExactly("payment_date", "payment_id"));
    }

    @Test
    void pagilaHasEveryForeignKey() {
        int expected = count(pagilaText, "^\\s+ADD CONSTRAINT \\S+ FOREIGN KEY \\(");
        assertThat(expected).isEqualTo(37);
        assertThat(foreignKeys(pagila)).isEqualTo(expected);
        assertThat(table(pagila, "rental").foreignKeys()).anySatisfy(fk -> {
            assertThat(fk.name()).isEqualTo("rental_customer_id_fkey");
            assertThat(fk.columns()).extracting(SqlName::name).containsExactly("customer_id");
            assertThat(fk.referencedTable().name()).isEqualTo("customer");
            assertThat(fk.referencedColumns()).extracting(SqlName::name).containsExactly("customer_id");
        });
        assertThat(table(pagila, "payment_p2022_01").foreignKeys())
                .anySatisfy(fk -> assertThat(fk.referencedTable().name()).isEqualTo("customer"));
    }

    @Test
    void pagilaHasEveryIndexAndReportsTheOneOnAMaterializedView() {
        Set<String> views = new HashSet<>();
        Matcher v = Pattern.compile("^CREATE (?:MATERIALIZED )?VIEW public\\.(\\w+)", Pattern.MULTILINE).matcher(pagilaText);
        while (v.find()) {
            views.add(v.group(1));
        }
        int onTables = 0;
        int uniqueOnTables = 0;
        int onViews = 0;
        Matcher m = Pattern.compile("^CREATE (UNIQUE )?INDEX \\S+ ON (?:ONLY )?public\\.(\\w+)", Pattern.MULTILINE)
                .matcher(pagilaText);
        while (m.find()) {
            if (views.contains(m.group(2))) {
                onViews++;
            } else {
                onTables++;
                uniqueOnTables += m.group(1) == null ? 0 : 1;
            }
        }
        assertThat(onTables + onViews).isEqualTo(count(pagilaText, "^CREATE (UNIQUE )?INDEX "));
        assertThat(indexes(pagila)).isEqualTo(onTables);
        assertThat(pagila.tables().stream().flatMap(t -> t.indexes().stream()).filter(Index::unique).count())
                .isEqualTo(uniqueOnTables);
        assertThat(skippedBecause(pagila, "index on a view (views are known by name only)")).hasSize(onViews)
                .singleElement().extracting(SkippedStatement::line)
                .isEqualTo(lineOf(pagilaText, "^CREATE UNIQUE INDEX rental_category "));

        Index composite = table(pagila, "rental").indexes().stream()
                .filter(i -> i.name().equals("idx_unq_rental_rental_date_inventory_id_customer_id")).findFirst().orElseThrow();
        assertThat(composite.unique()).isTrue();
        assertThat(composite.partial()).isFalse();
        assertThat(composite.columns()).extracting(SqlName::name).containsExactly("rental_date", "inventory_id", "customer_id");
        // an access method with an operator class: USING hnsw (embedding public.vector_cosine_ops)
        assertThat(table(pagila, "film_embedding").indexes()).singleElement()
                .satisfies(i -> assertThat(i.columns()).extracting(SqlName::name).containsExactly("embedding"));
    }

    @Test
    void pagilaPartitionsNameTheirParent() {
        int attached = count(pagilaText, "^ALTER TABLE ONLY public\\.payment ATTACH PARTITION ");
        assertThat(attached).isEqualTo(55);
        assertThat(pagila.tables().stream().filter(t -> t.partitionOf().equals("payment")).count()).isEqualTo(attached);
        assertThat(table(pagila, "payment").partitionOf()).isEmpty();
        assertThat(table(pagila, "payment_p2023_05").columns()).hasSize(7);
    }

    @Test
    void pagilaViewsAreKnownByName() {
        int expected = count(pagilaText, "^CREATE (MATERIALIZED )?VIEW ");
        assertThat(pagila.views()).hasSize(expected);
        assertThat(pagila.views()).extracting(vw -> vw.name().name()).contains("actor_info", "customer_list", "film_list",
                "nicer_but_slower_film_list", "rental_by_category", "sales_by_film_category", "sales_by_store", "staff_list");
        assertThat(pagila.views()).filteredOn(vw -> vw.name().name().equals("actor_info")).singleElement()
                .extracting(View::line).isEqualTo(lineOf(pagilaText, "^CREATE VIEW public\\.actor_info "));
        assertThat(pagila.hasRelation("public.staff_list")).isTrue();
    }

    @Test
    void pagilaColumnsKeepTypesNullabilityAndDefaultsAsWritten() {
        Table customer = table(pagila, "customer");
        Column id = customer.column("customer_id").orElseThrow();
        assertThat(id.type()).isEqualTo("integer");
        assertThat(id.nullable()).isFalse();
        assertThat(id.defaultValue()).isEqualTo("nextval('public.customer_customer_id_seq'::regclass)");
        assertThat(id.line()).isEqualTo(lineOf(pagilaText, "^    customer_id integer DEFAULT nextval"));
        Column lastUpdate = customer.column("last_update").orElseThrow();
        assertThat(lastUpdate.type()).isEqualTo("timestamp with time zone");
        assertThat(lastUpdate.baseType()).isEqualTo("TIMESTAMP WITH TIME ZONE");
        assertThat(lastUpdate.nullable()).isTrue();
        assertThat(lastUpdate.defaultValue()).isEqualTo("now()");
        assertThat(customer.column("email").orElseThrow().hasDefault()).isFalse();

        Table film = table(pagila, "film");
        Column rate = film.column("rental_rate").orElseThrow();
        assertThat(rate.type()).isEqualTo("numeric(4,2)");
        assertThat(rate.baseType()).isEqualTo("NUMERIC");
        assertThat(rate.defaultValue()).isEqualTo("4.99");
        assertThat(film.column("rating").orElseThrow().defaultValue()).isEqualTo("'G'::public.mpaa_rating");
        assertThat(film.column("special_features").orElseThrow().type()).isEqualTo("text[]");
        assertThat(film.column("release_year").orElseThrow().type()).isEqualTo("public.year");
        assertThat(film.columns()).hasSize(15);
    }

    @Test
    void pagilaSkippedStatementsCarryTheirLines() {
        assertThat(skippedBecause(pagila, "SET statement (session setting)")).hasSize(count(pagilaText, "^SET "))
                .first().extracting(SkippedStatement::line).isEqualTo(lineOf(pagilaText, "^SET statement_timeout"));
        assertThat(skippedBecause(pagila, "ownership (OWNER TO)")).hasSize(count(pagilaText, "^ALTER .* OWNER TO "))
                .first().extracting(SkippedStatement::line).isEqualTo(lineOf(pagilaText, "^ALTER SCHEMA public OWNER TO"));
        assertThat(skippedBecause(pagila, "function body")).hasSize(count(pagilaText, "^CREATE FUNCTION "))
                .anySatisfy(s -> assertThat(s.line()).isEqualTo(lineOf(pagilaText, "^CREATE FUNCTION public\\.rewards_report")));
        assertThat(skippedBecause(pagila, "trigger")).hasSize(count(pagilaText, "^CREATE TRIGGER "));
        assertThat(skippedBecause(pagila, "sequence")).hasSize(count(pagilaText, "^CREATE SEQUENCE "));
        assertThat(skippedBecause(pagila, "type/domain")).hasSize(count(pagilaText, "^CREATE (TYPE|DOMAIN) "));
        assertThat(skippedBecause(pagila, "COMMENT ON")).singleElement().extracting(SkippedStatement::line)
                .isEqualTo(lineOf(pagilaText, "^COMMENT ON EXTENSION"));
        assertThat(skippedBecause(pagila, "GRANT/REVOKE")).hasSize(2);
        assertThat(pagila.skipped()).allSatisfy(s -> {
            assertThat(s.summary()).doesNotContain("\n").hasSizeLessThanOrEqualTo(60);
            assertThat(s.reason()).doesNotStartWith("not understood");
        });
    }

    @Test
    void pagilaHasNoQuadraticBlowUpAcrossStatements() {
        // Three copies under different schema names must give three times the tables and keys: statements are
        // independent, and the registry finds the right table for each ALTER and index.
        StringBuilder tripled = new StringBuilder();
        for (String schema : List.of("public", "s2", "s3")) {
            tripled.append(pagilaText.replace("public.", schema + ".")).append('\n');
        }
        SchemaModel m = new DdlImporter().importDdl(tripled.toString(), SqlDialect.POSTGRESQL);
        assertThat(m.tables()).hasSize(3 * pagila.tables().size());
        assertThat(primaryKeys(m)).isEqualTo(3 * primaryKeys(pagila));
        assertThat(indexes(m)).isEqualTo(3 * indexes(pagila));
        assertThat(m.tables().stream().filter(t -> t.schema().equals("s3") && t.name().name().equals("film_actor"))
                .findFirst().orElseThrow().primaryKey()).isPresent();
    }

    @Test
    void theImporterNeverThrowsOnTruncatedScripts() throws IOException {
        List<String> texts = new ArrayList<>(List.of(pagilaText, read("chinook-mysql.sql")));
        for (String text : texts) {
            for (int k = 1; k <= 12; k++) {
                String cut = text.substring(0, text.length() * k / 13);
                assertThatCode(() -> new DdlImporter().importDdl(cut, null)).doesNotThrowAnyException();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ chinook

    @Test
    void chinookPostgresql() throws IOException {
        String text = read("chinook-postgresql.sql");
        SchemaModel m = new DdlImporter().importDdl(text, SqlDialect.POSTGRESQL);
        assertChinook(m, text, false);
        assertThat(table(m, "playlist_track").primaryKey()).get()
                .satisfies(pk -> assertThat(pk.columns()).extracting(SqlName::name).containsExactly("playlist_id", "track_id"));
        assertThat(table(m, "employee").foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.columns()).extracting(SqlName::name).containsExactly("reports_to");
            assertThat(fk.referencedTable().name()).isEqualTo("employee");
            assertThat(fk.line()).isEqualTo(lineOf(text, "^ALTER TABLE employee ADD CONSTRAINT"));
        });
        Column title = table(m, "album").column("title").orElseThrow();
        assertThat(title.type()).isEqualTo("VARCHAR(160)");
        assertThat(title.nullable()).isFalse();
        assertThat(m.skipped()).extracting(SkippedStatement::line).containsExactly(
                lineOf(text, "^DROP DATABASE"), lineOf(text, "^CREATE DATABASE"), lineOf(text, "^\\\\c chinook"));
        assertThat(m.skipped()).extracting(SkippedStatement::reason)
                .containsExactly("DROP statement", "database creation", "psql meta-command");
    }

    @Test
    void chinookMysql() throws IOException {
        String text = read("chinook-mysql.sql");
        SchemaModel m = new DdlImporter().importDdl(text, SqlDialect.MYSQL);
        assertChinook(m, text, true);
        Table album = table(m, "Album");
        assertThat(album.name()).isEqualTo(new SqlName("Album", true));
        assertThat(album.column("Title").orElseThrow().type()).isEqualTo("NVARCHAR(160)");
        assertThat(album.column("Title").orElseThrow().baseType()).isEqualTo("NVARCHAR");
        assertThat(album.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.name()).isEqualTo("FK_AlbumArtistId");
            assertThat(fk.referencedTable().name()).isEqualTo("Artist");
        });
        assertThat(m.skipped()).extracting(SkippedStatement::reason)
                .containsExactly("DROP statement", "database creation", "USE (database selection)");
    }

    @Test
    void chinookReadsTheSameWithoutADialect() throws IOException {
        for (String file : List.of("chinook-postgresql.sql", "chinook-mysql.sql")) {
            String text = read(file);
            assertChinook(new DdlImporter().importDdl(text, null), text, file.contains("mysql"));
        }
    }

    private static void assertChinook(SchemaModel m, String text, boolean mysql) {
        assertThat(count(text, "^CREATE TABLE ")).isEqualTo(11);
        assertThat(m.tables()).hasSize(11);
        assertThat(primaryKeys(m)).isEqualTo(count(text, "PRIMARY KEY")).isEqualTo(11);
        assertThat(foreignKeys(m)).isEqualTo(count(text, "FOREIGN KEY")).isEqualTo(11);
        assertThat(indexes(m)).isEqualTo(count(text, "^CREATE INDEX ")).isEqualTo(11);
        assertThat(m.tables()).extracting(t -> t.name().name().toLowerCase(Locale.ROOT).replace("_", ""))
                .containsExactlyInAnyOrder("album", "artist", "customer", "employee", "genre", "invoice", "invoiceline",
                        "mediatype", "playlist", "playlisttrack", "track");
        assertThat(m.tables()).allSatisfy(t -> assertThat(t.name().quoted()).isEqualTo(mysql));
        // every foreign key is backed by the index created right after it
        for (Table t : m.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                assertThat(t.indexes()).anySatisfy(i -> assertThat(i.columns()).containsExactlyElementsOf(fk.columns()));
            }
        }
    }
}
