package org.datafirst.catalogue.catalogue.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datafirst.catalogue.problem.ProblemError;

/**
 * Characters a catalogue text may not hold: Unicode non-characters (U+FDD0–U+FDEF and every U+xFFFE,
 * U+xFFFF), lone surrogates, and the control characters XML 1.0 cannot carry (all below U+0020 except
 * tab, line feed and carriage return). Stored, they break every XML-based output (ODS, XLSX, RDF/XML)
 * for the whole catalogue, so every way in (JSON writes, source files, spreadsheet imports) refuses them
 * with the location of the first one in each text.
 */
public final class TextRules {

    private TextRules() {}

    /** Every field name and string value of {@code tree} that holds such a character, each with its JSON pointer. */
    public static List<ProblemError> unstorableCharacters(JsonNode tree, String location) {
        List<ProblemError> errors = new ArrayList<>();
        walk(tree, "", location, errors);
        return errors;
    }

    /** Describes the first character of {@code text} that may not be stored, if there is one. */
    public static Optional<String> firstUnstorable(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                // codePointAt joins a valid pair into one code point, so a surrogate left over is unpaired
                return Optional.of(String.format("holds a lone surrogate U+%04X at character %d", c, i + 1));
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(String.format("holds the control character U+%04X at character %d", c, i + 1));
            }
            if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
                return Optional.of(String.format("holds the Unicode non-character U+%04X at character %d", c, i + 1));
            }
            i += width;
        }
        return Optional.empty();
    }

    private static void walk(JsonNode node, String pointer, String location, List<ProblemError> errors) {
        if (node.isTextual()) {
            firstUnstorable(node.textValue()).ifPresent(m -> errors.add(new ProblemError(location, pointer, m)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, location, errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                firstUnstorable(field.getKey())
                        .ifPresent(m -> errors.add(new ProblemError(location, child, "the field name " + m)));
                walk(field.getValue(), child, location, errors);
            }
        }
    }
}
