package dev.quorum.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.service.DesignService;
import dev.quorum.ui.preview.Span.Style;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown reduction, without a screen. */
class MarkdownBlocksTest {

    @Test
    void headingsParagraphsListsCodeAndTables() {
        List<MdBlock> blocks = MarkdownBlocks.parse("""
                # Title

                Some **bold** and _italic_ and `code`.

                - one
                - two

                3. three
                4. four

                ```sql
                SELECT 1;
                ```

                | A | B |
                |---|---|
                | 1 | 2 |

                ---
                """);
        assertThat(blocks).hasSize(7);
        assertThat(blocks.get(0)).isEqualTo(new MdBlock.Heading(1, List.of(Span.plain("Title"))));
        MdBlock.Paragraph p = (MdBlock.Paragraph) blocks.get(1);
        assertThat(p.spans()).extracting(Span::text).containsExactly("Some ", "bold", " and ", "italic", " and ", "code", ".");
        assertThat(p.spans().get(1).has(Style.STRONG)).isTrue();
        assertThat(p.spans().get(3).has(Style.EMPHASIS)).isTrue();
        assertThat(p.spans().get(5).has(Style.CODE)).isTrue();
        assertThat(((MdBlock.ListBlock) blocks.get(2)).items()).hasSize(2);
        MdBlock.ListBlock ordered = (MdBlock.ListBlock) blocks.get(3);
        assertThat(ordered.ordered()).isTrue();
        assertThat(ordered.start()).isEqualTo(3);
        assertThat(blocks.get(4)).isEqualTo(new MdBlock.CodeBlock("sql", "SELECT 1;"));
        MdBlock.Table table = (MdBlock.Table) blocks.get(5);
        assertThat(table.header()).extracting(c -> c.get(0).text()).containsExactly("A", "B");
        assertThat(table.rows()).hasSize(1);
        assertThat(blocks.get(6)).isInstanceOf(MdBlock.Rule.class);
    }

    @Test
    void rawHtmlStaysLiteralTextAndLinksKeepTheirTargetOnlyForDisplay() {
        List<MdBlock> blocks = MarkdownBlocks.parse("""
                Hello <script>alert(1)</script> and [x](javascript:alert(1)) and ![pic](http://evil/x.png)

                <div onclick="alert(1)">block</div>
                """);
        MdBlock.Paragraph p = (MdBlock.Paragraph) blocks.get(0);
        assertThat(p.spans()).anySatisfy(s -> {
            assertThat(s.text()).isEqualTo("<script>");
            assertThat(s.has(Style.HTML)).isTrue();
        });
        assertThat(p.spans()).anySatisfy(s -> {
            assertThat(s.text()).isEqualTo("x");
            assertThat(s.has(Style.LINK)).isTrue();
            assertThat(s.linkTarget()).isEqualTo("javascript:alert(1)");
        });
        assertThat(p.spans()).anySatisfy(s -> assertThat(s.text()).isEqualTo("[image: pic]"));
        assertThat(blocks.get(1)).isEqualTo(new MdBlock.LiteralHtml("<div onclick=\"alert(1)\">block</div>"));
    }

    @Test
    void deepNestingIsFlattenedInsteadOfOverflowingTheStack() {
        String deep = "> ".repeat(5000) + "deep";
        List<MdBlock> blocks = MarkdownBlocks.parse(deep);
        int depth = 0;
        MdBlock b = blocks.get(0);
        while (b instanceof MdBlock.Quote q) {
            depth++;
            b = q.blocks().get(0);
        }
        assertThat(depth).isLessThanOrEqualTo(MarkdownBlocks.MAX_DEPTH + 1);
        assertThat(((MdBlock.Paragraph) b).spans().get(0).text()).contains("deep");
    }

    @Test
    void theExportedTemplateHasItsSectionHeadingsAndTables() {
        DesignService service = new DesignService();
        List<MdBlock> blocks = new PreviewViewModel(service).render(service.create("Blank").design()).blocks();
        List<String> headings = new ArrayList<>();
        blocks.forEach(b -> {
            if (b instanceof MdBlock.Heading h) {
                headings.add(h.spans().get(0).text());
            }
        });
        assertThat(headings).contains("Data Persistence", "Backup and Recovery", "Data Lifecycle");
    }
}
