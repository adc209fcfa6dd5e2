package coop.roseash.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Boundaries of the script-block escaping (ComponentDefinitionsBlockTest has the main cases). */
class ComponentDefinitionsBlockEdgeCasesTest {

    @Test
    void everyLessThanInAStringIsEscapedNotJustTheFirst() {
        assertThat(ComponentDefinitionsBlock.escape("(p \"<a><b>\")")).isEqualTo("(p \"\\u003Ca>\\u003Cb>\")");
    }

    @Test
    void aStringEndsAtItsClosingQuote() {
        assertThat(ComponentDefinitionsBlock.escape("(p \"a\" (< 1 2))")).isEqualTo("(p \"a\" (< 1 2))");
    }

    @Test
    void commentMarkupOutsideStringsIsRefused() {
        assertThatThrownBy(() -> ComponentDefinitionsBlock.escape("(p <!-- x -->)"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'<!'").hasMessageContaining("offset 3");
    }

    @Test
    void aLessThanAtTheVeryEndIsNotAClosingSequence() {
        assertThat(ComponentDefinitionsBlock.escape("(<")).isEqualTo("(<");
        assertThat(ComponentDefinitionsBlock.escape("<= 1 2")).isEqualTo("<= 1 2");
    }

    @Test
    void aSemicolonInAStringIsNotAComment() {
        assertThat(ComponentDefinitionsBlock.escape("(p \"a; <b>\")")).isEqualTo("(p \"a; \\u003Cb>\")");
    }

    @Test
    void aCommentRunsToTheEndOfTheSourceOrLine() {
        assertThat(ComponentDefinitionsBlock.escape("(p 1) ; \"</script>")).isEqualTo("(p 1) ");
        assertThat(ComponentDefinitionsBlock.escape("; a\n; b\n(p 2)")).isEqualTo("\n\n(p 2)");
    }

    @Test
    void aBackslashKeepsTheNextCharacterInTheString() {
        assertThat(ComponentDefinitionsBlock.escape("(p \"a\\\\\" \"<\")")).isEqualTo("(p \"a\\\\\" \"\\u003C\")");
        assertThat(ComponentDefinitionsBlock.escape("(p \"a\\")).isEqualTo("(p \"a\\");
    }
}
