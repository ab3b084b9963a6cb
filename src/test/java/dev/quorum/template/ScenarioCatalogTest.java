package dev.quorum.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.model.Count;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.ModelPaths;
import dev.quorum.model.Quantity;
import dev.quorum.model.Rate;
import dev.quorum.validate.Rule;
import dev.quorum.validate.RuleRegistry;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {

    private static final List<ScenarioCard> CARDS = ScenarioCatalog.standard().cards();

    /** The guide's three sections and the scenarios under each, in the guide's order. */
    private static final Map<ScenarioGroup, List<String>> GUIDE_SECTIONS = Map.of(
            ScenarioGroup.ARCHITECTURE_AND_COMMUNICATION,
            List.of("live-score", "ghost-payment", "upload-4k", "third-party-fail", "state-trap"),
            ScenarioGroup.DATABASE_AND_DATA_INTEGRITY,
            List.of("budget-crisis", "ten-second-lag", "stolen-db", "noon-crash", "delete-mystery"),
            ScenarioGroup.DEVOPS_AND_INFRASTRUCTURE,
            List.of("traffic-spike", "morning-lag", "free-server", "zombie-code", "zero-downtime"));

    /** The guide's doubled numbers; the cards must carry the corrected values. */
    private static final List<String> GARBLED = List.of("44K", "55 minutes", "1010", "12:0012:00", "10x10x", "8:008:00",
            "55-second", "22 seconds", "24/724/7", "5959", "5858", "AA/BB", "AA and BB", "Server AA", "Server BB");

    @Test
    void allFifteenCardsLoadInTheGuidesOrder() {
        assertThat(CARDS).extracting(ScenarioCard::id).containsExactly(
                "live-score", "ghost-payment", "upload-4k", "third-party-fail", "state-trap",
                "budget-crisis", "ten-second-lag", "stolen-db", "noon-crash", "delete-mystery",
                "traffic-spike", "morning-lag", "free-server", "zombie-code", "zero-downtime");
        assertThat(ScenarioCatalog.standard().card("noon-crash")).get().extracting(ScenarioCard::title)
                .isEqualTo("The Noon Crash");
        assertThat(ScenarioCatalog.standard().card("no-such-card")).isEmpty();
    }

    @Test
    void everyCardFileIsInTheCatalogAndEveryCatalogIdHasAFile() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("templates", "scenarios"))) {
            Set<String> ids = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).collect(Collectors.toSet());
            assertThat(ids).containsExactlyInAnyOrderElementsOf(ScenarioCatalog.IDS);
        }
    }

    @Test
    void everyFieldIsFilledIn() {
        for (ScenarioCard c : CARDS) {
            assertThat(List.of(c.id(), c.title(), c.theme(), c.scenario(), c.technicalProblem(), c.solution(), c.mechanism(),
                    c.benefit(), c.model(), c.modelSummary(), c.scope(), c.fix().text(), c.fix().example()))
                    .as(c.id()).allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(c.group()).as(c.id()).isNotNull();
            assertThat(c.fix().kind()).as(c.id()).isNotNull();
            assertThat(c.parameters()).as(c.id()).isNotEmpty();
            assertThat(c.relatedRules()).as(c.id()).isNotEmpty();
            for (ScenarioParameter p : c.parameters()) {
                assertThat(List.of(p.name(), p.label(), p.defaultText(), p.range().min(), p.range().max(), p.source(),
                        p.description())).as(c.id() + "." + p.name()).allSatisfy(s -> assertThat(s).isNotBlank());
                assertThat(p.unit()).as(c.id() + "." + p.name()).isNotNull();
            }
        }
    }

    @Test
    void theModelIdIsScenarioDotTheCardId() {
        for (ScenarioCard c : CARDS) {
            assertThat(c.model()).isEqualTo("scenario." + c.id());
        }
    }

    @Test
    void groupsFollowTheGuidesThreeSections() {
        for (ScenarioGroup g : ScenarioGroup.values()) {
            assertThat(ScenarioCatalog.standard().group(g)).extracting(ScenarioCard::id)
                    .containsExactlyElementsOf(GUIDE_SECTIONS.get(g));
        }
        assertThat(ScenarioGroup.DEVOPS_AND_INFRASTRUCTURE.id()).isEqualTo("devops-and-infrastructure");
    }

    @Test
    void everyRelatedRuleExistsInTheRegistry() {
        Set<String> ids = RuleRegistry.standard().rules().stream().map(r -> r.info().id()).collect(Collectors.toSet());
        assertThat(ids).hasSize(53);
        for (ScenarioCard c : CARDS) {
            assertThat(ids).as(c.id()).containsAll(c.relatedRules());
            assertThat(c.relatedRules()).as(c.id() + " lists a rule twice").doesNotHaveDuplicates();
        }
        // The guide's lessons each have their rule; the cards that teach them must name it.
        Map<String, String> lessons = Map.of(
                "stolen-db", "lesson.plaintext-password",
                "ghost-payment", "lesson.payment-without-idempotency-key",
                "state-trap", "lesson.local-sessions-behind-load-balancer",
                "noon-crash", "lesson.cache-expiry-without-jitter",
                "ten-second-lag", "lesson.pool-too-small",
                "live-score", "lesson.polling-for-real-time",
                "delete-mystery", "lifecycle.hard-delete-with-history");
        lessons.forEach((card, rule) -> assertThat(card(card).relatedRules()).as(card).contains(rule));
        assertThat(RuleRegistry.standard().rule("lesson.plaintext-password")).get().extracting(Rule::info)
                .isNotNull();
    }

    @Test
    void everyQuantityDefaultAndRangeParsesWithTheModelsParsers() {
        int quantities = 0;
        for (ScenarioCard c : CARDS) {
            for (ScenarioParameter p : c.parameters()) {
                String at = c.id() + "." + p.name();
                if (p.unit().isQuantity()) {
                    quantities++;
                    for (String text : List.of(p.defaultText(), p.range().min(), p.range().max())) {
                        Quantity q = quantity(p.unit(), text);
                        assertThat(q.problem()).as(at + " '" + text + "'").isEmpty();
                        assertThat(q.value()).as(at + " '" + text + "'").isPresent();
                    }
                }
                double value = p.unit().value(p.defaultText());
                assertThat(value).as(at + " default within its range")
                        .isBetween(p.unit().value(p.range().min()), p.unit().value(p.range().max()));
            }
        }
        assertThat(quantities).isGreaterThan(80);
    }

    @Test
    void theStatedFiguresReadAsTheirValues() {
        assertThat(value("third-party-fail", "failure_rate_threshold")).isEqualTo(0.5);
        assertThat(value("third-party-fail", "sliding_window_size")).isEqualTo(100);
        assertThat(value("third-party-fail", "wait_duration_in_open_state")).isEqualTo(60);
        assertThat(value("third-party-fail", "permitted_calls_in_half_open_state")).isEqualTo(10);
        assertThat(value("traffic-spike", "sync_period")).isEqualTo(15);
        assertThat(value("traffic-spike", "scale_up_pods")).isEqualTo(4);
        assertThat(value("traffic-spike", "scale_up_percent")).isEqualTo(1.0);
        assertThat(value("traffic-spike", "scale_down_stabilisation")).isEqualTo(300);
        assertThat(value("traffic-spike", "growth")).isEqualTo(10);
        assertThat(value("ten-second-lag", "pool_size")).isEqualTo(10);
        assertThat(value("ten-second-lag", "connection_timeout")).isEqualTo(30);
        assertThat(value("stolen-db", "md5_rate")).isEqualTo(148e9);
        assertThat(value("stolen-db", "bcrypt_cost5_rate")).isEqualTo(242e3);
        assertThat(value("free-server", "job_duration")).isEqualTo(2);
        assertThat(value("free-server", "job_interval")).isEqualTo(3600);
        assertThat(value("free-server", "request_price")).isEqualTo(0.20);
        assertThat(value("free-server", "gb_second_price")).isEqualTo(0.0000166667);
        assertThat(value("free-server", "free_gb_seconds")).isEqualTo(400_000);
        assertThat(value("upload-4k", "processing_time")).isEqualTo(300);
        assertThat(value("morning-lag", "cold_start")).isEqualTo(5);
        assertThat(value("state-trap", "servers")).isEqualTo(2);
        assertThat(value("upload-4k", "upload_size")).isEqualTo(3.4e9);
        assertThat(card("stolen-db").parameter("md5_rate").orElseThrow().source()).contains("148 GH/s", "RTX 4090", "hashcat");
        assertThat(card("free-server").parameter("vps_price").orElseThrow().source()).contains("DigitalOcean", "prices change");
    }

    @Test
    void defaultsThatAreGuessesSaySoInTheirSource() {
        // Parameters whose figure comes from no document: the source must call it an assumption in plain words.
        List<String> guesses = List.of("live-score.clients", "ghost-payment.repeat_click_share", "noon-crash.jitter",
                "budget-crisis.cache_hit_ratio", "traffic-spike.pod_start_time", "zero-downtime.bake_time",
                "stolen-db.argon2id_rate", "morning-lag.idle_timeout");
        for (String g : guesses) {
            String[] parts = g.split("\\.");
            assertThat(card(parts[0]).parameter(parts[1]).orElseThrow().source()).as(g).startsWith("assumption");
        }
        for (ScenarioParameter p : card("zombie-code").parameters()) {
            if (!p.name().equals("environments")) {
                assertThat(p.source()).as(p.name()).startsWith("assumption (illustrative)");
            }
        }
    }

    @Test
    void zombieCodeSaysItsModelIsAnIllustrativeDriftModel() {
        assertThat(card("zombie-code").modelSummary()).startsWith("An illustrative drift model, not a measurement");
    }

    @Test
    void everyDesignFieldAndFixTargetResolvesInTheModel() {
        Design empty = Design.empty("x");
        int fields = 0;
        for (ScenarioCard c : CARDS) {
            for (ScenarioParameter p : c.parameters()) {
                if (p.hasDesignField()) {
                    fields++;
                    assertResolves(empty, p.designField(), c.id() + "." + p.name());
                }
            }
            for (String target : c.fix().targets()) {
                assertResolves(empty, target, c.id() + " fix");
            }
        }
        assertThat(fields).isGreaterThanOrEqualTo(10);
        assertThat(resolvesByType("queries[*].frekwency")).isFalse();
        assertThat(resolvesByType("persistence.data_elements[*].size_estimate")).isTrue();
    }

    @Test
    void operationalFixesEditNothingAndTheOthersNameWhatTheyEdit() {
        for (ScenarioCard c : CARDS) {
            if (c.fix().kind() == FixKind.OPERATIONAL) {
                assertThat(c.fix().targets()).as(c.id()).isEmpty();
                assertThat(c.fix().text()).as(c.id()).startsWith("Outside the data design");
            } else {
                assertThat(c.fix().targets()).as(c.id()).isNotEmpty();
            }
        }
        assertThat(card("ghost-payment").fix().kind()).isEqualTo(FixKind.SCHEMA_CHANGE);
        assertThat(card("ghost-payment").fix().example()).contains("idempotency_key", "UNIQUE");
        assertThat(card("noon-crash").fix().text()).contains("jitter");
        assertThat(card("state-trap").fix().kind()).isEqualTo(FixKind.STORAGE_CHOICE);
        assertThat(FixKind.SCHEMA_CHANGE.id()).isEqualTo("schema-change");
    }

    @Test
    void noCardCarriesAGarbledNumber() throws Exception {
        for (String id : ScenarioCatalog.IDS) {
            String raw = Files.readString(Path.of("templates", "scenarios", id + ".yaml"), StandardCharsets.UTF_8);
            for (String g : GARBLED) {
                assertThat(raw).as(id + " contains the garbled '" + g + "'").doesNotContain(g);
            }
        }
        assertThat(card("upload-4k").scenario()).contains("4K");
        assertThat(card("upload-4k").scenario()).contains("5 minutes");
        assertThat(card("noon-crash").scenario()).contains("12:00");
        assertThat(card("morning-lag").scenario()).contains("8:00", "5 seconds");
        assertThat(card("free-server").scenario()).contains("2 seconds");
        assertThat(card("free-server").mechanism()).contains("59 minutes and 58 seconds", "24/7");
        assertThat(card("state-trap").scenario()).contains("A and B");
        assertThat(card("ten-second-lag").title()).isEqualTo("The 10-Second Lag");
        assertThat(card("traffic-spike").scenario()).contains("ten times");
    }

    @Test
    void unknownFieldsAreRefusedWithTheFileAndField() {
        String yaml = minimal().replace("theme: T\n", "theme: T\nflavour: strawberry\n");
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", yaml))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("x.yaml:4: flavour: unknown field");
        String nested = minimal().replace("    unit: duration\n", "    unit: duration\n    colour: blue\n");
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", nested))
                .hasMessage("x.yaml:16: parameters[0].colour: unknown field");
    }

    @Test
    void duplicateKeysAreRefused() {
        String yaml = minimal().replace("theme: T\n", "theme: T\ntheme: U\n");
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", yaml))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("x.yaml:").hasMessageContaining("theme");
    }

    @Test
    void malformedCardsNameTheFieldThatIsWrong() {
        assertThat(ScenarioCatalog.parse("x.yaml", minimal()).parameters()).hasSize(1);
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", minimal().replace("default: 5 s", "default: soon")))
                .hasMessageStartingWith("x.yaml: parameters[0].default: 'soon' is not a duration");
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", minimal().replace("default: 5 s", "default: 5 min")))
                .hasMessage("x.yaml: parameters[0].default: 5 min is outside 1 s to 60 s");
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", minimal().replace("scope: S\n", "")))
                .hasMessage("x.yaml: scope: missing or blank");
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", minimal().replace("model: scenario.x", "model: x")))
                .hasMessage("x.yaml: model: expected 'scenario.x', found 'x'");
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", minimal().replace("group: devops-and-infrastructure",
                "group: devops"))).hasMessageStartingWith("x.yaml:").hasMessageContaining("devops");
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", minimal().replace("targets: []", "targets: [schema.sql]")))
                .hasMessage("x.yaml: fix.targets: an operational fix edits nothing in the design, so it has no targets");
        assertThatThrownBy(() -> ScenarioCatalog.parse("x.yaml", minimal().replace("unit: duration", "unit: furlongs")))
                .hasMessageStartingWith("x.yaml:").hasMessageContaining("furlongs");
    }

    @Test
    void parameterUnitsReadTheirNotation() {
        assertThat(ParameterUnit.PERCENT.value("12.5%")).isEqualTo(0.125);
        assertThat(ParameterUnit.FACTOR.value("10x")).isEqualTo(10);
        assertThat(ParameterUnit.MONEY.value("$1,200.50 per month")).isEqualTo(1200.5);
        assertThat(ParameterUnit.MONEY.per("$6 per month")).isEqualTo("per month");
        assertThat(ParameterUnit.RATE.value("12 per hour")).isEqualTo(12.0 / 3600);
        assertThatThrownBy(() -> ParameterUnit.PERCENT.value("half")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterUnit.DURATION.value("5")).hasMessageContaining("has no unit");
    }

    private static String minimal() {
        return """
                id: x
                title: X
                theme: T
                group: devops-and-infrastructure
                scenario: S
                technical_problem: P
                solution: S
                mechanism: M
                benefit: B
                model: scenario.x
                model_summary: MS
                parameters:
                  - name: wait
                    label: Wait
                    unit: duration
                    default: 5 s
                    range: {min: 1 s, max: 60 s}
                    source: "assumption: a test"
                    design_field: ""
                    description: D
                related_rules: [lesson.pool-too-small]
                fix:
                  kind: operational
                  targets: []
                  text: T
                  example: E
                scope: S
                """;
    }

    private static ScenarioCard card(String id) {
        return ScenarioCatalog.standard().card(id).orElseThrow();
    }

    private static double value(String card, String parameter) {
        ScenarioParameter p = card(card).parameter(parameter).orElseThrow();
        return p.unit().value(p.defaultText());
    }

    private static Quantity quantity(ParameterUnit unit, String text) {
        return switch (unit) {
            case DURATION -> Duration.of(text);
            case SIZE -> DataSize.of(text);
            case RATE -> Rate.of(text);
            case COUNT -> Count.of(text);
            default -> throw new IllegalArgumentException(unit + " is no quantity");
        };
    }

    private static void assertResolves(Design design, String path, String what) {
        if (!path.contains("[*]")) {
            // Throws when a step names no field; the empty design has every record filled with its EMPTY value.
            ModelPaths.get(design, path);
        }
        assertThat(resolvesByType(path)).as(what + ": " + path).isTrue();
    }

    /** Walks the record types along the path; a {@code [*]} step descends into the list's element type. */
    private static boolean resolvesByType(String path) {
        Type current = Design.class;
        for (String step : path.split("\\.")) {
            boolean each = step.endsWith("[*]");
            String key = each ? step.substring(0, step.length() - 3) : step;
            if (!(current instanceof Class<?> type) || !type.isRecord()) {
                return false;
            }
            RecordComponent c = ModelPaths.component(type, key);
            if (c == null) {
                return false;
            }
            current = c.getGenericType();
            if (each) {
                if (!(current instanceof ParameterizedType list) || list.getRawType() != List.class) {
                    return false;
                }
                current = list.getActualTypeArguments()[0];
            }
        }
        return true;
    }
}
