package dev.quorum.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The remembered pattern answers of the lesson rules: an edited text is scanned anew, never answered from memory. */
class LessonTextsMayFindTest {

    private static final Pattern POOL = Pattern.compile("\\bpool of (\\d+)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void answersAsAScanAndAnEditedTextIsScannedAgain() {
        String text = "PgBouncer in front of the database";
        assertThat(LessonTexts.mayFind(POOL, text)).isFalse();
        assertThat(LessonTexts.mayFind(POOL, text)).isFalse();
        // The user types on: the new text is a new key, so the pattern runs on it.
        String edited = text + " with a pool of 20";
        assertThat(LessonTexts.mayFind(POOL, edited)).isTrue();
        assertThat(LessonTexts.mayFind(POOL, text)).isFalse();
        // An equal text built afresh (as each keystroke's design holds) gets the same answer as a scan.
        assertThat(LessonTexts.mayFind(POOL, new String(edited.toCharArray()))).isTrue();
    }

    @Test
    void samePatternTextInAnotherPatternIsNotConfused() {
        Pattern other = Pattern.compile("PgBouncer");
        String text = "PgBouncer, no pool size given";
        assertThat(LessonTexts.mayFind(POOL, text)).isFalse();
        assertThat(LessonTexts.mayFind(other, text)).isTrue();
    }

    @Test
    void startsOverInsteadOfGrowingWithoutBound() {
        Pattern digits = Pattern.compile("7");
        for (int i = 0; i < LessonTexts.MAX_REMEMBERED_TEXTS + 100; i++) {
            assertThat(LessonTexts.mayFind(digits, "n" + i)).isEqualTo(String.valueOf(i).contains("7"));
        }
    }
}
