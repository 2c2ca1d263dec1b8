package dev.perfgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlTest {
    private static final String NASTY = "GET /q?<script>alert(\"x\")</script>&a='b'<!-- \u2028\u2029 é";

    @Test
    void textEscapesMarkupAndQuotes() {
        assertThat(Html.text(NASTY)).isEqualTo("GET /q?&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;a="
                + "&#39;b&#39;&lt;!-- \u2028\u2029 é");
        assertThat(Html.attr("\" onload=\"x")).isEqualTo("&quot; onload=&quot;x");
        assertThat(Html.text(null)).isEmpty();
        assertThat(Html.text("&amp;")).as("escaped once more, never taken for an entity").isEqualTo("&amp;amp;");
    }

    @Test
    void scriptJsonCannotCloseItsElementAndParsesBackUnchanged() throws Exception {
        String json = Html.scriptJson(Map.of("name", NASTY));

        assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .doesNotContain("\u2028").doesNotContain("\u2029");
        assertThat(json.toLowerCase()).contains("\\u003cscript\\u003e").contains("\\u2028\\u2029");
        assertThat(json.toLowerCase()).doesNotContain("</script").doesNotContain("<!--");
        assertThat(new ObjectMapper().readTree(json).get("name").asText()).isEqualTo(NASTY);
    }

    @Test
    void inlinedCodeCannotCloseItsElement() {
        assertThat(Html.inlineScript("var s = '</script><b>'; var t = '</SCRIPT>';"))
                .isEqualTo("var s = '<\\/script><b>'; var t = '<\\/SCRIPT>';");
        assertThat(Html.inlineStyle("a::after { content: '</style>'; }"))
                .isEqualTo("a::after { content: '<\\/style>'; }");
        assertThat(Html.inlineScript("a < b && c > d")).isEqualTo("a < b && c > d");
    }
}
