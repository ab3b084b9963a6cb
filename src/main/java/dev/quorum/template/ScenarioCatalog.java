package dev.quorum.template;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fifteen scenario cards that ship in the jar under {@code templates/scenarios/}, in the scenario guide's
 * order. A jar's directories cannot be listed, so the ids are named here; each id is also its file name.
 * Cards are read strictly (unknown and duplicate keys are errors) and checked on load, because they are part of
 * the product: a card that does not load is a bug, reported with its file and field.
 */
public final class ScenarioCatalog {

    /** Every card id, in the order of the scenario guide. */
    public static final List<String> IDS = List.of(
            "live-score", "ghost-payment", "upload-4k", "third-party-fail", "state-trap",
            "budget-crisis", "ten-second-lag", "stolen-db", "noon-crash", "delete-mystery",
            "traffic-spike", "morning-lag", "free-server", "zombie-code", "zero-downtime");

    /** The classpath folder of the cards. */
    public static final String DIRECTORY = "/templates/scenarios/";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)*");
    private static final Pattern RULE_ID = Pattern.compile("[a-z]+\\.[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern DESIGN_PATH = Pattern.compile("[a-z_]+(?:\\[\\*])?(?:\\.[a-z_]+(?:\\[\\*])?)*");

    private static volatile ScenarioCatalog standard;

    private final List<ScenarioCard> cards;

    private ScenarioCatalog(List<ScenarioCard> cards) {
        this.cards = List.copyOf(cards);
    }

    /** The bundled cards, loaded once. */
    public static ScenarioCatalog standard() {
        ScenarioCatalog c = standard;
        if (c == null) {
            synchronized (ScenarioCatalog.class) {
                c = standard;
                if (c == null) {
                    List<ScenarioCard> loaded = new ArrayList<>();
                    for (String id : IDS) {
                        loaded.add(load(id));
                    }
                    c = new ScenarioCatalog(loaded);
                    standard = c;
                }
            }
        }
        return c;
    }

    /** Every card, in the guide's order. */
    public List<ScenarioCard> cards() {
        return cards;
    }

    /** The card with this id. */
    public Optional<ScenarioCard> card(String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The cards of one guide section, in order. */
    public List<ScenarioCard> group(ScenarioGroup group) {
        return cards.stream().filter(c -> c.group() == group).toList();
    }

    /** Reads the bundled card with this id. */
    static ScenarioCard load(String id) {
        String resource = DIRECTORY + id + ".yaml";
        String name = resource.substring(1);
        try (InputStream in = ScenarioCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(name + ": scenario card missing from the build");
            }
            ScenarioCard card = parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!card.id().equals(id)) {
                throw new IllegalStateException(name + ": id: '" + card.id() + "' differs from the file name");
            }
            return card;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /**
     * Reads and checks one card; {@code name} is the file name used in errors.
     *
     * @throws IllegalStateException naming the file, position and field when the card is malformed
     */
    static ScenarioCard parse(String name, String yaml) {
        ScenarioCard card;
        try {
            card = mapper().readValue(yaml, ScenarioCard.class);
        } catch (UnrecognizedPropertyException e) {
            // Records are built once all their keys are read, so Jackson's location is the end of the mapping;
            // the key's own line is found in the text instead.
            throw new IllegalStateException(name + lineOf(yaml, e.getPropertyName()) + ": " + path(e)
                    + ": unknown field", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + position(e.getLocation()) + ": " + problem(e), e);
        }
        if (card == null) {
            throw new IllegalStateException(name + ": empty scenario card");
        }
        check(name, card);
        return card;
    }

    private static ObjectMapper mapper() {
        return JsonMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static String position(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    private static String lineOf(String yaml, String key) {
        Pattern line = Pattern.compile("^\\s*(?:-\\s+)?" + Pattern.quote(key) + "\\s*:");
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (line.matcher(lines[i]).find()) {
                return ":" + (i + 1);
            }
        }
        return "";
    }

    /** The field's path in file keys, for example {@code parameters[2].unit}. */
    private static String path(JsonProcessingException e) {
        StringBuilder b = new StringBuilder();
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    b.append('[').append(r.getIndex()).append(']');
                }
            }
        }
        return b.toString();
    }

    private static String problem(JsonProcessingException e) {
        String field = path(e);
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return field.isEmpty() ? first : field + ": " + first;
    }

    /** The structural checks: required text present, ids and names well formed, defaults inside their ranges. */
    private static void check(String name, ScenarioCard card) {
        Checker c = new Checker(name);
        c.text("id", card.id());
        c.matches("id", card.id(), ID);
        c.text("title", card.title());
        c.text("theme", card.theme());
        c.present("group", card.group());
        c.text("scenario", card.scenario());
        c.text("technical_problem", card.technicalProblem());
        c.text("solution", card.solution());
        c.text("mechanism", card.mechanism());
        c.text("benefit", card.benefit());
        c.text("model", card.model());
        if (!card.model().equals("scenario." + card.id())) {
            c.fail("model", "expected 'scenario." + card.id() + "', found '" + card.model() + "'");
        }
        c.text("model_summary", card.modelSummary());
        c.text("scope", card.scope());
        if (card.parameters().isEmpty()) {
            c.fail("parameters", "a card needs at least one parameter");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < card.parameters().size(); i++) {
            ScenarioParameter p = card.parameters().get(i);
            String at = "parameters[" + i + "]";
            c.present(at, p);
            c.text(at + ".name", p.name());
            c.matches(at + ".name", p.name(), PARAMETER_NAME);
            if (!names.add(p.name())) {
                c.fail(at + ".name", "'" + p.name() + "' appears twice");
            }
            c.text(at + ".label", p.label());
            c.present(at + ".unit", p.unit());
            c.text(at + ".source", p.source());
            c.text(at + ".description", p.description());
            c.present(at + ".range", p.range());
            if (p.hasDesignField()) {
                c.matches(at + ".design_field", p.designField(), DESIGN_PATH);
            }
            double value = c.value(at + ".default", p.unit(), p.defaultText());
            double min = c.value(at + ".range.min", p.unit(), p.range().min());
            double max = c.value(at + ".range.max", p.unit(), p.range().max());
            if (min > max) {
                c.fail(at + ".range", "min " + p.range().min() + " is above max " + p.range().max());
            }
            if (value < min || value > max) {
                c.fail(at + ".default", p.defaultText() + " is outside " + p.range().min() + " to " + p.range().max());
            }
            if (p.unit() == ParameterUnit.MONEY && !(p.unit().per(p.defaultText()).equals(p.unit().per(p.range().min()))
                    && p.unit().per(p.defaultText()).equals(p.unit().per(p.range().max())))) {
                c.fail(at + ".range", "a price range must be priced per the same thing as its default");
            }
        }
        if (card.relatedRules().isEmpty()) {
            c.fail("related_rules", "name at least one validation rule");
        }
        for (int i = 0; i < card.relatedRules().size(); i++) {
            c.matches("related_rules[" + i + "]", card.relatedRules().get(i), RULE_ID);
        }
        ScenarioFix fix = card.fix();
        c.present("fix", fix);
        c.present("fix.kind", fix.kind());
        c.text("fix.text", fix.text());
        c.text("fix.example", fix.example());
        if (fix.kind().editsDesign() && fix.targets().isEmpty()) {
            c.fail("fix.targets", "a " + fix.kind().id() + " fix names the design paths it edits");
        }
        if (!fix.kind().editsDesign() && !fix.targets().isEmpty()) {
            c.fail("fix.targets", "an operational fix edits nothing in the design, so it has no targets");
        }
        for (int i = 0; i < fix.targets().size(); i++) {
            c.matches("fix.targets[" + i + "]", fix.targets().get(i), DESIGN_PATH);
        }
    }

    /** Reports the first problem of a card as one line with the file and field. */
    private record Checker(String file) {

        void fail(String field, String message) {
            throw new IllegalStateException(file + ": " + field + ": " + message);
        }

        void present(String field, Object value) {
            if (value == null) {
                fail(field, "missing");
            }
        }

        void text(String field, String value) {
            if (value == null || value.isBlank()) {
                fail(field, "missing or blank");
            }
        }

        void matches(String field, String value, Pattern pattern) {
            text(field, value);
            if (!pattern.matcher(value).matches()) {
                fail(field, "'" + value + "' is not well formed");
            }
        }

        double value(String field, ParameterUnit unit, String text) {
            text(field, text);
            try {
                return unit.value(text);
            } catch (IllegalArgumentException e) {
                fail(field, "'" + text + "' is not a " + unit.id() + ": " + e.getMessage());
                return Double.NaN;
            }
        }
    }
}
