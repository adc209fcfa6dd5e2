package coop.roseash.shared.richtext;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RichTextSanitizerTest {

    private static String clean(String html) {
        return RichTextSanitizer.sanitize(html);
    }

    @Test
    void keepsTheEditorsFormatting() {
        String html = "<h2>Title</h2><p><strong>bold</strong> <em>it</em> <b>b</b> <i>i</i></p>"
                + "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote>"
                + "<pre><code>x &lt; 1</code></pre>";
        assertThat(clean(html)).isEqualTo(html);
    }

    @Test
    void keepsHttpAndMailtoLinksAndHttpImages() {
        assertThat(clean("<a href=\"https://rose-ash.coop/x\">x</a>"))
                .isEqualTo("<a href=\"https://rose-ash.coop/x\" rel=\"nofollow noopener\">x</a>");
        assertThat(clean("<a href=\"mailto:a@b.coop\">m</a>")).contains("href=\"mailto:a@b.coop\"");
        assertThat(clean("<img src=\"http://img.example/a.png\" alt=\"A\">"))
                .isEqualTo("<img src=\"http://img.example/a.png\" alt=\"A\">");
    }

    @Test
    void removesScriptsButKeepsSurroundingText() {
        String out = clean("<p>before<script>alert(1)</script>after</p>");
        assertThat(out).doesNotContainIgnoringCase("script").doesNotContain("alert");
        assertThat(out).isEqualTo("<p>beforeafter</p>");
    }

    @Test
    void removesEventHandlers() {
        String out = clean("<p onclick=\"steal()\">hi</p><img src=\"https://x.example/a.png\" onerror=\"steal()\">");
        assertThat(out).doesNotContain("onclick").doesNotContain("onerror").doesNotContain("steal");
        assertThat(out).contains("<p>hi</p>");
    }

    @Test
    void dropsJavascriptAndDataUrlsWhateverTheirSpelling() {
        for (String url : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                "java&#x09;script:alert(1)", "data:text/html;base64,PHNjcmlwdD4="}) {
            String out = clean("<a href=\"" + url + "\">click</a><img src=\"" + url + "\">");
            assertThat(out).as(url).doesNotContainIgnoringCase("javascript").doesNotContain("data:");
            assertThat(out).as(url).contains("click");
        }
    }

    @Test
    void anImageWithoutDescriptionIsMarkedDecorative() {
        assertThat(clean("<img src=\"https://img.example/a.png\">")).isEqualTo("<img src=\"https://img.example/a.png\" alt=\"\">");
        assertThat(clean("<img src=\"https://img.example/a.png\" alt=\"Apples\">")).contains("alt=\"Apples\"");
    }

    @Test
    void dropsImagesThatAreNotHttp() {
        assertThat(clean("<img src=\"/local.png\">")).doesNotContain("src=");
        assertThat(clean("<img src=\"ftp://x/a.png\">")).doesNotContain("ftp");
    }

    @Test
    void removesDangerousElementsAndStyles() {
        String out = clean("<iframe src=\"https://evil.example\"></iframe><style>body{}</style>"
                + "<svg onload=\"x()\"><circle/></svg><p style=\"position:fixed\">ok</p>"
                + "<form action=\"https://evil.example\"><input name=\"p\"></form>");
        assertThat(out).doesNotContain("iframe").doesNotContain("style").doesNotContain("svg")
                .doesNotContain("onload").doesNotContain("form").doesNotContain("input");
        assertThat(out).contains("<p>ok</p>");
    }

    @Test
    void escapesMarkupThatArrivesAsText() {
        assertThat(clean("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
                .isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    }

    @Test
    void plainTextIsTheVisibleText() {
        assertThat(RichTextSanitizer.plainText("<h2>Hi</h2><p>there <b>you</b></p>")).isEqualTo("Hi there you");
        assertThat(RichTextSanitizer.sanitize(null)).isEmpty();
    }
}
