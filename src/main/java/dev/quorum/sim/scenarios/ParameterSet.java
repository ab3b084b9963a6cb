package dev.quorum.sim.scenarios;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values a run uses for every parameter of its model, in the model's order. */
public final class ParameterSet {

    private final List<ParameterValue> values;
    private final Map<String, ParameterValue> byName = new LinkedHashMap<>();

    public ParameterSet(List<ParameterValue> values) {
        this.values = List.copyOf(values);
        for (ParameterValue v : this.values) {
            byName.put(v.name(), v);
        }
    }

    /** Every value, in the model's parameter order. */
    public List<ParameterValue> values() {
        return values;
    }

    /** The value of a parameter by name. */
    public ParameterValue value(String name) {
        ParameterValue v = byName.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return v;
    }

    /** A numeric parameter in its base unit; NaN for an optional target the design does not state. */
    public double get(String name) {
        return value(name).number();
    }

    /** A numeric parameter rounded to a whole number. */
    public int count(String name) {
        return (int) Math.round(get(name));
    }

    /** A choice parameter's option. */
    public String choice(String name) {
        return value(name).choice();
    }

    /** True when the parameter has a value; false for an optional target the design leaves empty. */
    public boolean isSet(String name) {
        return value(name).isSet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
