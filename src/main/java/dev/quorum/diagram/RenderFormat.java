package dev.quorum.diagram;

/** The image formats the renderer produces. */
public enum RenderFormat {
    /** Scalable vector graphics, UTF-8 XML. */
    SVG("svg"),
    /** A bitmap, for the window and for documents that cannot show SVG. */
    PNG("png");

    private final String extension;

    RenderFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension without the dot. */
    public String extension() {
        return extension;
    }
}
