package org.datafirst.linkage.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datafirst.linkage.pipeline.InputDataException;

/**
 * The column names of a CSV file, from its first line. Both engines read CSV with these names, every
 * column as text and no dialect sniffing: a malformed row is then reported by its line instead of
 * confusing a sniffer.
 */
public final class CsvHeader {

    private CsvHeader() {}

    /** The trimmed column names of a CSV file's first line; empty or repeated names are refused. */
    public static List<String> read(Path file) {
        String header;
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = r.readLine();
        } catch (IOException e) {
            throw new InputDataException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (header == null || header.isBlank()) {
            throw new InputDataException(file + ": empty file (a header line is required)");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : split(header)) {
            String name = raw.trim();
            if (name.isEmpty() || !seen.add(name)) {
                throw new InputDataException(file + ": row 0 (header), column " + (names.size() + 1) + ": "
                        + (name.isEmpty() ? "empty column name" : "duplicate column name '" + name + "'"));
            }
            names.add(name);
        }
        return names;
    }

    /** Splits a CSV header line on commas outside double quotes. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (ch == '"') {
                if (quoted && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    cur.append('"');
                    k++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
