package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "plain text                          | plain text",
                "\uE000Ethnic\uE001 group            | <mark>Ethnic</mark> group",
                "<b>\uE000x\uE001</b> & 'y'          | &lt;b&gt;<mark>x</mark>&lt;/b&gt; &amp; &#39;y&#39;",
                "\uE000<script>\uE001                | <mark>&lt;script&gt;</mark>",
                "open \uE000never closed             | open <mark>never closed</mark>",
                "stray \uE001end                     | stray end",
            })
    void highlightsEscapeTextAndTurnOnlyTheMarksIntoHtml(String marked, String html) {
        assertThat(Html.highlight(marked)).isEqualTo(html);
    }
}
