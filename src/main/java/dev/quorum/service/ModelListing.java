package dev.quorum.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.model.Design;
import dev.quorum.sim.scenarios.Model;
import dev.quorum.sim.scenarios.Parameter;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ParameterValue;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The list of models with their parameters, for {@code quorum models}: each parameter's unit, default,
 * range, the source of the default and the design field that fills it; with a design, also the value the
 * design gives and whether the model applies.
 */
public final class ModelListing {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelListing() {
    }

    /** The listing as text; {@code design} may be null. */
    public static String text(SimulationService service, Design design, String source) {
        StringBuilder out = new StringBuilder();
        if (design != null) {
            out.append("Models for ").append(source).append("\n\n");
        }
        for (Model m : service.models()) {
            out.append(m.id()).append(": ").append(m.title()).append(" (").append(m.family()).append(")\n");
            out.append("  ").append(m.summary()).append('\n');
            ParameterSet values = null;
            if (design != null) {
                Optional<String> na = m.notApplicable(design);
                out.append("  ").append(na.map(r -> "does not apply: " + r).orElse("applies")).append('\n');
                values = service.parameters(design, m.id(), Map.of());
            }
            for (Parameter p : m.parameters()) {
                out.append(String.format(Locale.ROOT, "  --param %s=%s%n", p.name(), values == null ? p.defaultText()
                        : values.value(p.name()).text()));
                out.append("      ").append(p.label()).append(": ").append(p.help()).append('\n');
                out.append("      ").append(p.isChoice() ? "options " : "range ").append(p.rangeText())
                        .append("; default ").append(p.defaultText()).append(" (").append(p.source()).append(")\n");
                if (!p.designField().isBlank()) {
                    out.append("      from the design: ").append(p.designField());
                    if (values != null) {
                        ParameterValue v = values.value(p.name());
                        out.append(v.origin() == ParameterValue.Origin.DESIGN ? " -> " + v.detail() : " -> not stated");
                    }
                    out.append('\n');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The listing as JSON; {@code design} may be null. */
    public static String json(SimulationService service, Design design) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode models = root.putArray("models");
        for (Model m : service.models()) {
            ObjectNode n = models.addObject();
            n.put("id", m.id());
            n.put("title", m.title());
            n.put("family", m.family());
            n.put("summary", m.summary());
            ParameterSet values = null;
            if (design != null) {
                Optional<String> na = m.notApplicable(design);
                n.put("applies", na.isEmpty());
                na.ifPresent(r -> n.put("not_applicable", r));
                values = service.parameters(design, m.id(), Map.of());
            }
            ArrayNode params = n.putArray("parameters");
            for (Parameter p : m.parameters()) {
                ObjectNode o = params.addObject();
                o.put("name", p.name());
                o.put("label", p.label());
                o.put("unit", p.unit().symbol());
                o.put("default", p.defaultText());
                if (p.isChoice()) {
                    ArrayNode opts = o.putArray("options");
                    p.options().forEach(opts::add);
                } else {
                    o.put("min", p.unit().format(p.min()));
                    o.put("max", p.unit().format(p.max()));
                }
                o.put("source", p.source());
                o.put("design_field", p.designField());
                o.put("help", p.help());
                if (values != null) {
                    ParameterValue v = values.value(p.name());
                    o.put("value", v.text());
                    o.put("origin", v.origin().name().toLowerCase(Locale.ROOT));
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }
}
