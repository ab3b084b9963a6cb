package dev.quorum.io;

import dev.quorum.model.Design;
import java.util.List;

/**
 * Pictures drawn elsewhere (the diagrams) that the Markdown export places after a template subsection's
 * own text. The exporter only writes them as a fenced Mermaid block and an image link, so io needs no
 * diagram code; the service layer supplies the pictures.
 */
public interface MarkdownFigures {

    /** No pictures beyond the exporter's own. */
    MarkdownFigures NONE = (subsectionId, design) -> List.of();

    /** The pictures to place after the subsection with this id, in order; empty for most subsections. */
    List<Figure> after(String subsectionId, Design design);

    /**
     * One picture: a caption, its Mermaid source (empty for none) and an image file path relative to the
     * Markdown file (empty for none). The path is produced by Quorum, never taken from the design.
     */
    record Figure(String caption, String mermaid, String imagePath) {
        public Figure {
            caption = caption == null ? "" : caption;
            mermaid = mermaid == null ? "" : mermaid;
            imagePath = imagePath == null ? "" : imagePath;
        }
    }
}
