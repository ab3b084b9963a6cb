package dev.quorum.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PreviewPiecesTest {

    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
    }

    @Test
    void aLongCodeBlockIsCutIntoFortyLinePiecesThatJoinBackIntoTheSameText() {
        MdBlock.CodeBlock sql = new MdBlock.CodeBlock("sql", lines(1, 95));

        List<PreviewView.Piece> pieces = PreviewView.pieces(List.of(sql));

        assertThat(pieces).hasSize(3);
        List<MdBlock.CodeBlock> parts = pieces.stream().map(p -> (MdBlock.CodeBlock) p.block()).toList();
        assertThat(parts).extracting(MdBlock.CodeBlock::info).containsExactly("sql", "", "");
        assertThat(parts.get(0).code()).isEqualTo(lines(1, 40));
        assertThat(parts.get(2).code()).isEqualTo(lines(81, 95));
        assertThat(parts.stream().map(MdBlock.CodeBlock::code).collect(Collectors.joining("\n"))).isEqualTo(sql.code());
        assertThat(pieces).extracting(PreviewView.Piece::continued).containsExactly(false, true, true);
        assertThat(pieces).extracting(PreviewView.Piece::continues).containsExactly(true, true, false);
    }

    @Test
    void aBlockOfFortyLinesOrFewerStaysOneItem() {
        MdBlock.CodeBlock json = new MdBlock.CodeBlock("json", lines(1, 40));

        assertThat(PreviewView.pieces(List.of(json))).containsExactly(new PreviewView.Piece(json, 0, false, false));
    }

    @Test
    void anEditInOneLineChangesOnlyThePieceItFallsIn() {
        String before = lines(1, 120);
        String after = before.replace("line 55", "line 55 edited");

        List<PreviewView.Piece> was = PreviewView.pieces(List.of(new MdBlock.CodeBlock("sql", before)));
        List<PreviewView.Piece> now = PreviewView.pieces(List.of(new MdBlock.CodeBlock("sql", after)));

        assertThat(now).hasSameSizeAs(was);
        assertThat(now.get(0)).isEqualTo(was.get(0));
        assertThat(now.get(1)).isNotEqualTo(was.get(1));
        assertThat(now.get(2)).isEqualTo(was.get(2));
    }
}
