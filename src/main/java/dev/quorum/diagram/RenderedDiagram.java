package dev.quorum.diagram;

import java.nio.charset.StandardCharsets;

/** A rendered image: its bytes, its format, the engine that drew it and how long that took. */
public record RenderedDiagram(byte[] bytes, RenderFormat format, RenderEngine engine, long millis) {

    public RenderedDiagram {
        bytes = bytes.clone();
    }

    /** The bytes, copied so the record stays immutable. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The SVG text; only meaningful for {@link RenderFormat#SVG}. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
