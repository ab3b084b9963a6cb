package dev.quorum.ui.simulation;

import dev.quorum.sim.scenarios.Parameter;
import dev.quorum.sim.scenarios.ParameterValue;
import dev.quorum.sim.scenarios.Unit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One parameter of the chosen model as a control: its value as text with its unit, a slider position where a
 * slider fits, where the value comes from (the design, the default, or the user), and an error when the text
 * cannot be used. The text and the slider follow each other; a change by the user becomes an override.
 */
public final class ParameterField {

    /** The slider runs from 0 to this many steps. */
    public static final double SLIDER_STEPS = 1000;

    private final Parameter parameter;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0);
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin", "");
    private final ReadOnlyStringWrapper originDetail = new ReadOnlyStringWrapper(this, "originDetail", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper overridden = new ReadOnlyBooleanWrapper(this, "overridden", false);
    private final boolean logarithmic;
    // Set while the field updates itself, so that its own changes are not taken for the user's.
    private boolean syncing;

    ParameterField(Parameter parameter, BiConsumer<ParameterField, String> edited) {
        this.parameter = parameter;
        // A range over three orders of magnitude (1 to 1,000,000 clients) is unusable on a linear slider.
        this.logarithmic = sliderFits(parameter) && parameter.max() - parameter.min() > 1000 * Math.max(1, Math.abs(parameter.min()))
                && parameter.min() >= 0;
        text.addListener((o, was, now) -> {
            if (syncing) {
                return;
            }
            Optional<Double> v = parse(now);
            if (v.isPresent() && sliderFits()) {
                syncing = true;
                position.set(toPosition(v.get()));
                syncing = false;
            }
            edited.accept(this, now);
        });
        position.addListener((o, was, now) -> {
            if (syncing || !sliderFits()) {
                return;
            }
            double value = fromPosition(now.doubleValue());
            syncing = true;
            text.set(format(value));
            syncing = false;
            edited.accept(this, text.get());
        });
    }

    /** True when a slider suits this parameter: a number with a finite range. */
    static boolean sliderFits(Parameter p) {
        return !p.isChoice() && Double.isFinite(p.min()) && Double.isFinite(p.max()) && p.max() > p.min();
    }

    /** Shows the value a run would use, without taking it for the user's edit. */
    void show(ParameterValue value, boolean fromUser) {
        syncing = true;
        try {
            if (!fromUser) {
                text.set(value.isSet() ? value.text() : "");
            }
            if (sliderFits() && value.isSet() && !parameter.isChoice()) {
                position.set(toPosition(value.number()));
            }
            origin.set(value.origin().name().toLowerCase(Locale.ROOT));
            originDetail.set(value.detail());
            overridden.set(value.origin() == ParameterValue.Origin.OVERRIDE);
        } finally {
            syncing = false;
        }
    }

    void setError(String message) {
        error.set(message == null ? "" : message);
    }

    /**
     * The number the text stands for, checked against the range; empty when the text is blank or a choice.
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not a usable value
     */
    double check(String value) {
        if (parameter.isChoice()) {
            if (!parameter.options().contains(value.strip())) {
                throw new IllegalArgumentException("expected one of " + String.join(", ", parameter.options()));
            }
            return Double.NaN;
        }
        double v = parameter.unit().parse(value);
        if (!(v >= parameter.min() && v <= parameter.max())) {
            throw new IllegalArgumentException("must be between " + parameter.unit().format(parameter.min()) + " and "
                    + parameter.unit().format(parameter.max()));
        }
        return v;
    }

    private Optional<Double> parse(String value) {
        try {
            double v = check(value);
            return Double.isNaN(v) ? Optional.empty() : Optional.of(v);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The slider position of a value. */
    double toPosition(double value) {
        double lo = parameter.min();
        double hi = parameter.max();
        double v = Math.max(lo, Math.min(hi, value));
        double share = logarithmic ? Math.log1p(v - lo) / Math.log1p(hi - lo) : (v - lo) / (hi - lo);
        return share * SLIDER_STEPS;
    }

    /** The value at a slider position, rounded so that it reads as a person would type it. */
    double fromPosition(double pos) {
        double lo = parameter.min();
        double hi = parameter.max();
        double share = Math.max(0, Math.min(1, pos / SLIDER_STEPS));
        double v = logarithmic ? lo + Math.expm1(share * Math.log1p(hi - lo)) : lo + share * (hi - lo);
        if (parameter.unit() == Unit.COUNT) {
            v = Math.rint(v);
        }
        return Math.max(lo, Math.min(hi, v));
    }

    private String format(double value) {
        String shown = parameter.unit().format(value);
        // Formatting rounds to three digits; a rounded value that falls outside the range would be refused.
        return parse(shown).isPresent() ? shown : parameter.unit().format(value == parameter.max() ? parameter.max() : parameter.min());
    }

    /** The model's parameter. */
    public Parameter parameter() {
        return parameter;
    }

    /** The parameter's name, the key of an override. */
    public String name() {
        return parameter.name();
    }

    /** What people read. */
    public String label() {
        return parameter.label();
    }

    /** True for a choice, shown as a choice box. */
    public boolean isChoice() {
        return parameter.isChoice();
    }

    /** The options of a choice. */
    public List<String> options() {
        return parameter.options();
    }

    /** True when the view shows a slider beside the text. */
    public boolean sliderFits() {
        return sliderFits(parameter);
    }

    /** True when the slider is logarithmic. */
    public boolean logarithmic() {
        return logarithmic;
    }

    /** The unit as people read it: "s", "/s", "%", or empty for a plain count or a choice. */
    public String unitText() {
        return switch (parameter.unit()) {
            case SECONDS -> "duration";
            case PER_SECOND -> "rate";
            case BYTES -> "size";
            case BYTES_PER_SECOND -> "throughput";
            case RATIO -> "%";
            case FACTOR -> "×";
            case DOLLARS -> "USD";
            case COUNT, CHOICE -> "";
        };
    }

    /** The allowed range or options, in human form. */
    public String rangeText() {
        return parameter.rangeText();
    }

    /** The tooltip: what the parameter means, where its default comes from, and the design field that fills it. */
    public String tooltip() {
        StringBuilder out = new StringBuilder(parameter.help());
        out.append("\nRange: ").append(parameter.rangeText());
        out.append("\nDefault: ").append(parameter.defaultText()).append(" — source: ").append(parameter.source());
        out.append("\nDesign field: ").append(parameter.designField().isBlank() ? "none (the design does not state it)"
                : parameter.designField());
        if (!originDetail.get().isBlank()) {
            out.append("\nThis run: ").append(origin.get()).append(" — ").append(originDetail.get());
        }
        return out.toString();
    }

    /** The value as text, with its unit ("2 s", "40/s", "5%"); the user types here. */
    public StringProperty textProperty() {
        return text;
    }

    /** The slider position from 0 to {@link #SLIDER_STEPS}; the user drags it. */
    public DoubleProperty positionProperty() {
        return position;
    }

    /** Where the value comes from: "design", "default" or "override". */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** The design field and its words, the default's source, or "set for this run". */
    public ReadOnlyStringProperty originDetailProperty() {
        return originDetail.getReadOnlyProperty();
    }

    /** Why the text cannot be used; empty when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the user's value replaces the design's or the default. */
    public ReadOnlyBooleanProperty overriddenProperty() {
        return overridden.getReadOnlyProperty();
    }
}
