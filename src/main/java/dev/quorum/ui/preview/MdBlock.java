package dev.quorum.ui.preview;

import java.util.List;

/** A block of the Markdown preview, reduced from the commonmark tree to what the native view draws. */
public sealed interface MdBlock {

    /** A heading of level 1 to 6. */
    record Heading(int level, List<Span> spans) implements MdBlock {
        public Heading {
            spans = List.copyOf(spans);
        }
    }

    /** A paragraph of styled text. */
    record Paragraph(List<Span> spans) implements MdBlock {
        public Paragraph {
            spans = List.copyOf(spans);
        }
    }

    /** A bullet or ordered list; each item is a list of blocks. */
    record ListBlock(boolean ordered, int start, List<List<MdBlock>> items) implements MdBlock {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** A fenced or indented code block with its info string, such as "sql" or "mermaid". */
    record CodeBlock(String info, String code) implements MdBlock {
    }

    /** A GFM table: header cells and body rows, each cell a list of spans. */
    record Table(List<List<Span>> header, List<List<List<Span>>> rows) implements MdBlock {
        public Table {
            header = header.stream().map(List::copyOf).toList();
            rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
        }
    }

    /** A block quote. */
    record Quote(List<MdBlock> blocks) implements MdBlock {
        public Quote {
            blocks = List.copyOf(blocks);
        }
    }

    /** A thematic break. */
    record Rule() implements MdBlock {
    }

    /** A raw HTML block, kept as literal text and never interpreted. */
    record LiteralHtml(String html) implements MdBlock {
    }
}
