package org.datafirst.catalogue.catalogue.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.datafirst.catalogue.problem.InvalidDocumentException;
import org.datafirst.catalogue.problem.ProblemError;
import org.datafirst.catalogue.sources.DocumentParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({
        "FFFF, non-character",
        "FFFE, non-character",
        "FDD0, non-character",
        "FDEF, non-character",
        "1FFFF, non-character",
        "10FFFE, non-character",
        "D800, lone surrogate",
        "DFFF, lone surrogate",
        "0000, control character",
        "001B, control character",
        "000B, control character"
    })
    void refusesCharactersNoXmlOutputCanHold(String hex, String kind) {
        String text = "ab" + new String(Character.toChars(Integer.parseInt(hex, 16)));
        assertThat(TextRules.firstUnstorable(text))
                .hasValueSatisfying(m -> assertThat(m).contains(kind).contains("character 3"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"plain", "tab\tand\nnew\r\nlines", "Welsh ŵ, Greek λ, emoji 😀", "U+FFFD \uFFFD", "\uFDCF\uFDF0"
            })
    void acceptsOrdinaryText(String text) {
        assertThat(TextRules.firstUnstorable(text)).isEmpty();
    }

    @Test
    void namesTheJsonPointerOfEachBadText() throws Exception {
        var tree = new ObjectMapper()
                .readTree("{\"title\": \"ok\", \"tables\": [{\"name\": \"t\\uffff\", "
                        + "\"variables\": [{\"a/b\": \"\\ud800\"}]}]}");
        assertThat(TextRules.unstorableCharacters(tree, "body"))
                .extracting(ProblemError::pointer)
                .containsExactly("/tables/0/name", "/tables/0/variables/0/a~1b");
    }

    @Test
    void aSourceFileWithANonCharacterIsRefusedAtItsPointer() {
        byte[] yaml = "id: x\ntitle: \"Broken \\uFFFF title\"\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DocumentParser.dataset(yaml, "datasets/x.yaml"))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.errors())
                                .extracting(ProblemError::pointer)
                                .containsExactly("/title"));
    }
}
