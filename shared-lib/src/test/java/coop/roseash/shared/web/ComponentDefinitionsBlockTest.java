package coop.roseash.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Definitions embedded in a script data block can never close it (PROTOCOL.md section 1). */
class ComponentDefinitionsBlockTest {

    @Test
    void lessThanInsideStringLiteralsIsEscaped() {
        String source = "(defcomp ~x (&key a) (p \"</script><script>alert(1)</script>\" (< 1 2)))";

        String escaped = ComponentDefinitionsBlock.escape(source);

        assertThat(escaped).doesNotContain("</").contains("\\u003C/script>").contains("(< 1 2)");
    }

    @Test
    void escapedQuotesDoNotEndTheString() {
        assertThat(ComponentDefinitionsBlock.escape("(p \"say \\\"</b>\\\" now\")"))
                .isEqualTo("(p \"say \\\"\\u003C/b>\\\" now\")");
    }

    @Test
    void commentsAreDroppedSinceTheyMayHoldAnything() {
        assertThat(ComponentDefinitionsBlock.escape("(p 1) ; </script>\n(p 2)")).isEqualTo("(p 1) \n(p 2)");
    }

    @Test
    void closingSequenceOutsideStringsIsRefused() {
        assertThatThrownBy(() -> ComponentDefinitionsBlock.escape("(</script> 1)"))
                .hasMessageContaining("cannot be embedded");
    }
}
