package dev.quorum.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The escaping rules every label goes through. */
class DiagramTextTest {

    @Test
    void dotEscapesBackslashFirstThenQuotesThenStructuralCharacters() {
        assertThat(Dot.escape("a\\\"b")).isEqualTo("a\\\\\\\"b");
        assertThat(Dot.escape("trailing\\")).isEqualTo("trailing\\\\");
        assertThat(Dot.escape("\\N\\G\\l")).isEqualTo("\\\\N\\\\G\\\\l");
        assertThat(Dot.escape("<b>{x|y}=&")).isEqualTo("&lt;b&gt;&#123;x&#124;y&#125;&#61;&amp;");
        assertThat(Dot.text("x\" -> y [color=red] //", 80).toString()).isEqualTo("\"x\\\" -&gt; y [color&#61;red] //\"");
    }

    @Test
    void recordLabelsUseSyntheticPortsAndLeftJustifiedFields() {
        assertThat(Dot.record("t|<p>", List.of("a : int", "b{c}"), 80).toString())
                .isEqualTo("\"t&#124;&lt;p&gt;|<c0> a : int\\l|<c1> b&#123;c&#125;\\l\"");
    }

    @Test
    void cleanMakesOneLineDropsBidiControlsAndCutsLongText() {
        assertThat(DiagramText.clean("a\nb\t c\r\n", 80)).isEqualTo("a b c");
        assertThat(DiagramText.clean("\u202Eabc\u202C\u200F", 80)).isEqualTo("abc");
        assertThat(DiagramText.clean("x".repeat(100_000), 80)).hasSize(81).endsWith("x…");
        assertThat(DiagramText.clean("🔥".repeat(100), 3)).isEqualTo("🔥🔥🔥…");
        assertThat(DiagramText.clean(null, 5)).isEmpty();
    }

    @Test
    void wrapBreaksAtSpacesAndKeepsLongWordsWhole() {
        assertThat(DiagramText.wrap(List.of("one two three four", "abcdefghijklmnop"), 100, 9))
                .containsExactly("one two", "three", "four", "abcdefghijklmnop");
    }

    @Test
    void mermaidLabelsUseEntityCodesAndWordsKeepToTheGrammar() {
        assertThat(MermaidText.quoted("x\" --> y[\"z\"] %% <b>|#`\\", 80))
                .isEqualTo("\"x#quot; --#gt; y[#quot;z#quot;] #37;#37; #lt;b#gt;#124;#35;#96;#92;\"");
        assertThat(MermaidText.word("character varying(45)")).isEqualTo("character_varying(45)");
        assertThat(MermaidText.word("1st col")).isEqualTo("_1st_col");
        assertThat(MermaidText.word("")).isEqualTo("_");
        assertThat(MermaidText.comment("say \"hi\"", 80)).isEqualTo("\"say 'hi'\"");
    }

    @Test
    void dotWriterRefusesNonSyntheticIdsAndUserTextAsTokens() {
        DotWriter w = new DotWriter(new DotWriter.Attrs());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.node("a b", new DotWriter.Attrs()))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DotWriter.Attrs().set("label", "x\"]"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> w.beginCluster("frame", new DotWriter.Attrs()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
