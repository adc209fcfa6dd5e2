package coop.roseash.sx.render;

import static org.assertj.core.api.Assertions.assertThat;

import coop.roseash.sx.cli.Runner;
import org.junit.jupiter.api.Test;

/** What the HTML renderer escapes: text {@code & < >}, attribute values also {@code "}. */
class HtmlEscapeTest {

    private static String text(String s) {
        StringBuilder sb = new StringBuilder("[");
        Html.escapeText(sb, s);
        return sb.append(']').toString();
    }

    private static String attr(String s) {
        StringBuilder sb = new StringBuilder("[");
        Html.escapeAttr(sb, s);
        return sb.append(']').toString();
    }

    @Test
    void textEscapesAmpersandAndAngleBrackets() {
        assertThat(text("<script>alert(\"x\" & 'y')</script>"))
                .isEqualTo("[&lt;script&gt;alert(\"x\" &amp; 'y')&lt;/script&gt;]");
        assertThat(text("&amp;")).isEqualTo("[&amp;amp;]");
    }

    @Test
    void attributesAlsoEscapeDoubleQuotes() {
        assertThat(attr("\" onmouseover=\"x<y>&")).isEqualTo("[&quot; onmouseover=&quot;x&lt;y&gt;&amp;]");
    }

    @Test
    void unchangedRunsAreKeptAroundEscapes() {
        assertThat(text("")).isEqualTo("[]");
        assertThat(text("plain")).isEqualTo("[plain]");
        assertThat(text("<")).isEqualTo("[&lt;]");
        assertThat(text("a<")).isEqualTo("[a&lt;]");
        assertThat(text("<a")).isEqualTo("[&lt;a]");
        assertThat(text("a<<b>c")).isEqualTo("[a&lt;&lt;b&gt;c]");
        assertThat(attr("caf\u00e9 \"\u65e5\"")).isEqualTo("[caf\u00e9 &quot;\u65e5&quot;]");
    }

    @Test
    void theRendererEscapesContentAndAttributes() {
        Runner runner = Runner.standalone();

        assertThat(runner.run("render", "(p :title \"a\\\"b<c\" \"<i>&</i>\")", null))
                .isEqualTo("<p title=\"a&quot;b&lt;c\">&lt;i&gt;&amp;&lt;/i&gt;</p>");
        assertThat(runner.run("render", "(div :data-x 0.5 :data-y 1e21 (span 2.5 \" \" 1e-7))", null))
                .isEqualTo("<div data-x=\"0.5\" data-y=\"1e+21\"><span>2.5 1e-7</span></div>");
    }
}
