package dev.quorum.service.walkthrough;

import dev.quorum.model.Design;
import dev.quorum.template.FixKind;
import java.util.List;
import java.util.Optional;

/**
 * What a scenario's fix would change in one design: the change in words, the lines of the design it edits, and
 * the edited design, which an "apply" puts in place as one undoable step. A fix that the design already has, an
 * operational fix, or one that finds nothing to change in this design has no edited design and says why.
 *
 * @param kind      what kind of edit the fix is
 * @param text      the change in words, from the scenario card
 * @param example   an example of the edited value, from the scenario card
 * @param changes   each edit as "field: what changes", in the order made
 * @param edited    the design with the fix, or null when nothing can be applied
 * @param whyNot    why nothing can be applied, empty when something can
 */
public record FixProposal(FixKind kind, String text, String example, List<String> changes, Design edited, String whyNot) {

    public FixProposal {
        changes = List.copyOf(changes);
        whyNot = whyNot == null ? "" : whyNot;
    }

    /** A proposal that edits the design. */
    static FixProposal applicable(FixKind kind, String text, String example, List<String> changes, Design edited) {
        return new FixProposal(kind, text, example, changes, edited, "");
    }

    /** A proposal that can only be shown. */
    static FixProposal shownOnly(FixKind kind, String text, String example, String whyNot) {
        return new FixProposal(kind, text, example, List.of(), null, whyNot);
    }

    /** True when applying the fix changes the design. */
    public boolean applicable() {
        return edited != null;
    }

    /** The edited design, when there is one. */
    public Optional<Design> editedDesign() {
        return Optional.ofNullable(edited);
    }
}
