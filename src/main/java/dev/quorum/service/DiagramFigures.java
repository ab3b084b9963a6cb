package dev.quorum.service;

import dev.quorum.diagram.DiagramInputException;
import dev.quorum.diagram.ErOptions;
import dev.quorum.io.MarkdownFigures;
import dev.quorum.model.Design;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The diagrams in a Markdown export: the ER diagram as Mermaid after the primary schema, and, when images
 * were written, a link to each diagram's image after its subsection.
 */
final class DiagramFigures implements MarkdownFigures {

    private final DiagramService diagrams;
    private final Map<DiagramKind, String> imagePaths;

    DiagramFigures(DiagramService diagrams, Map<DiagramKind, String> imagePaths) {
        this.diagrams = diagrams;
        this.imagePaths = Map.copyOf(imagePaths);
    }

    @Override
    public List<Figure> after(String subsectionId, Design design) {
        List<Figure> figures = new ArrayList<>();
        switch (subsectionId) {
            case "primary-schema" -> {
                String mermaid = "";
                if (diagrams.hasContent(design, DiagramKind.ER)) {
                    try {
                        mermaid = diagrams.mermaid(design, DiagramKind.ER, ErOptions.all());
                    } catch (DiagramInputException e) {
                        mermaid = "";
                    }
                }
                if (!mermaid.isBlank() || imagePaths.containsKey(DiagramKind.ER)) {
                    figures.add(new Figure(DiagramKind.ER.title(), mermaid, imagePaths.getOrDefault(DiagramKind.ER, "")));
                }
            }
            case "data-synchronization" -> image(DiagramKind.DATAFLOW, figures);
            case "replication-strategy" -> image(DiagramKind.TOPOLOGY, figures);
            default -> {
                // Other subsections carry no diagram.
            }
        }
        return figures;
    }

    private void image(DiagramKind kind, List<Figure> figures) {
        if (imagePaths.containsKey(kind)) {
            figures.add(new Figure(kind.title(), "", imagePaths.get(kind)));
        }
    }
}
