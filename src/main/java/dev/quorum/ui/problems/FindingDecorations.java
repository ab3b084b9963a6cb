package dev.quorum.ui.problems;

import dev.quorum.validate.Finding;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Puts the findings of a field on its control with ControlsFX validation decorations: a small marker at
 * the control's corner whose tooltip gives each message and its fix, and an error or warning outline.
 * The marker is a styled label rather than ControlsFX's bitmap icons, so it stays sharp on HiDPI screens.
 */
public final class FindingDecorations {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("finding-error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("finding-warning");
    private static final Decoration DECORATION = new Decoration();

    private FindingDecorations() {
    }

    /** Replaces the decorations of {@code control} with those for {@code findings} (none when empty). */
    public static void show(Control control, List<Finding> findings) {
        DECORATION.removeDecorations(control);
        Severity worst = FindingsIndex.worst(findings);
        control.pseudoClassStateChanged(ERROR, worst == Severity.ERROR);
        control.pseudoClassStateChanged(WARNING, worst == Severity.WARNING);
        control.getProperties().put(FindingDecorations.class, findings);
        if (worst == null) {
            return;
        }
        DECORATION.applyValidationDecoration(new Message(control, worst, describe(findings)));
    }

    /** The findings now shown on {@code control}; empty when none. */
    @SuppressWarnings("unchecked")
    public static List<Finding> shown(Control control) {
        Object value = control.getProperties().get(FindingDecorations.class);
        return value instanceof List<?> list ? (List<Finding>) list : List.of();
    }

    /** Every message with its fix, one paragraph each, as the tooltips show them. */
    public static String describe(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().id() + ": " + f.message()
                + (f.fix().isBlank() ? "" : "\nFix: " + f.fix()) + "  [" + f.ruleId() + "]")
                .collect(Collectors.joining("\n\n"));
    }

    private record Message(Control target, Severity severity, String text) implements ValidationMessage {
        @Override
        public String getText() {
            return text;
        }

        @Override
        public org.controlsfx.validation.Severity getSeverity() {
            return switch (severity) {
                case ERROR -> org.controlsfx.validation.Severity.ERROR;
                case WARNING -> org.controlsfx.validation.Severity.WARNING;
                case INFO -> org.controlsfx.validation.Severity.INFO;
            };
        }

        @Override
        public Control getTarget() {
            return target;
        }
    }

    /** ControlsFX's graphic decoration with vector markers and a wrapping tooltip. */
    private static final class Decoration extends GraphicValidationDecoration {
        @Override
        protected Node createErrorNode() {
            return marker("!", "finding-marker-error");
        }

        @Override
        protected Node createWarningNode() {
            return marker("!", "finding-marker-warning");
        }

        @Override
        protected Node getGraphicBySeverity(org.controlsfx.validation.Severity severity) {
            return switch (severity) {
                case ERROR -> createErrorNode();
                case WARNING -> createWarningNode();
                default -> marker("i", "finding-marker-info");
            };
        }

        @Override
        protected Tooltip createTooltip(ValidationMessage message) {
            Tooltip tooltip = new Tooltip(message.getText());
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(520);
            tooltip.getStyleClass().add("finding-tooltip");
            return tooltip;
        }

        private static Node marker(String text, String style) {
            Label label = new Label(text);
            label.getStyleClass().addAll("finding-marker", style);
            return label;
        }
    }
}
