package dev.quorum.ui.preview;

import dev.quorum.model.Design;
import dev.quorum.service.DesignService;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The Markdown preview of the whole design: the exported text and its blocks, ready for the native view. */
public final class PreviewViewModel {

    /** The exported Markdown and its parsed blocks, produced together off the FX thread. */
    public record Rendered(String markdown, List<MdBlock> blocks) {
        public Rendered {
            blocks = List.copyOf(blocks);
        }
    }

    private final DesignService service;
    private final ReadOnlyStringWrapper markdown = new ReadOnlyStringWrapper(this, "markdown", "");
    private final ReadOnlyObjectWrapper<List<MdBlock>> blocks = new ReadOnlyObjectWrapper<>(this, "blocks", List.of());

    public PreviewViewModel(DesignService service) {
        this.service = service;
    }

    /** Exports and parses a design; slow for large designs, so callers run it in the background. */
    public Rendered render(Design design) {
        String md = service.toMarkdown(design);
        return new Rendered(md, MarkdownBlocks.parse(md));
    }

    /** Shows a rendered preview; on the FX thread. */
    public void show(Rendered rendered) {
        markdown.set(rendered.markdown());
        blocks.set(rendered.blocks());
    }

    /** The exported Markdown text. */
    public ReadOnlyStringProperty markdownProperty() {
        return markdown.getReadOnlyProperty();
    }

    /** The blocks the preview draws; replaced as a whole on each refresh. */
    public ReadOnlyObjectProperty<List<MdBlock>> blocksProperty() {
        return blocks.getReadOnlyProperty();
    }
}
