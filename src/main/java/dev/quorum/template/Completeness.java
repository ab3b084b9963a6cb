package dev.quorum.template;

import dev.quorum.model.Design;
import dev.quorum.model.ModelPaths;
import dev.quorum.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds what a design lacks, section by section, as the template's required flags define it. */
public final class Completeness {

    private final Template template;

    public Completeness(Template template) {
        this.template = template;
    }

    /** The design-level gaps (such as a missing name), under the pseudo-section id "design". */
    public List<Gap> designGaps(Design design) {
        List<Gap> gaps = new ArrayList<>();
        for (TemplateField f : template.documentFields()) {
            inspect("design", f, ModelPaths.get(design, f.path()), f.path(), f.label(), gaps);
        }
        return gaps;
    }

    /** The gaps of one section, in template order. */
    public List<Gap> sectionGaps(Design design, TemplateSection section) {
        List<Gap> gaps = new ArrayList<>();
        for (TemplateField f : section.fields()) {
            inspect(section.id(), f, ModelPaths.get(design, f.path()), f.path(), f.label(), gaps);
        }
        return gaps;
    }

    /** Every section's gaps, keyed by section id in template order, with design-level gaps first. */
    public Map<String, List<Gap>> bySection(Design design) {
        Map<String, List<Gap>> out = new java.util.LinkedHashMap<>();
        out.put("design", designGaps(design));
        for (TemplateSection s : template.sections()) {
            out.put(s.id(), sectionGaps(design, s));
        }
        return out;
    }

    /** True when no section has a gap. */
    public boolean isComplete(Design design) {
        return bySection(design).values().stream().allMatch(List::isEmpty);
    }

    private void inspect(String sectionId, TemplateField field, Object value, String path, String label, List<Gap> gaps) {
        if (value instanceof Quantity q && q.problem().isPresent()) {
            gaps.add(new Gap(Gap.Kind.UNREADABLE, sectionId, path, label, q.problem().get()));
            return;
        }
        if (field.required() && isEmpty(value)) {
            gaps.add(new Gap(Gap.Kind.MISSING, sectionId, path, label, ""));
            return;
        }
        if (field.kind().isRows() && value instanceof List<?> rows) {
            for (int i = 0; i < rows.size(); i++) {
                Object row = rows.get(i);
                String rowLabel = rowLabel(field, row, i);
                for (TemplateField column : field.columns()) {
                    inspect(sectionId, column, ModelPaths.get(row, column.path()), path + "[" + i + "]." + column.path(),
                            rowLabel + ": " + column.label(), gaps);
                }
            }
        } else if (field.kind().hasColumns() && value != null && !(value instanceof List<?>)) {
            for (TemplateField column : field.columns()) {
                inspect(sectionId, column, ModelPaths.get(value, column.path()), path + "." + column.path(),
                        label + ": " + column.label(), gaps);
            }
        }
    }

    private static String rowLabel(TemplateField field, Object row, int index) {
        String name = field.columns().isEmpty() ? "" : String.valueOf(ModelPaths.get(row, field.columns().get(0).path()));
        String what = field.blockLabel() != null ? field.blockLabel() : field.label();
        return name.isBlank() ? what + " " + (index + 1) : what + " '" + name + "'";
    }

    /** True for null, blank text, a blank quantity, and an empty list. */
    public static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof String s) {
            return s.isBlank();
        }
        if (value instanceof Quantity q) {
            return q.isBlank();
        }
        if (value instanceof List<?> l) {
            return l.isEmpty();
        }
        return false;
    }
}
