package org.datafirst.catalogue.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Writes and edits catalogue source files in a temporary folder for loader tests. */
public final class SourceFiles {

    private SourceFiles() {}

    /** A small valid dataset file; tests replace parts of it to break or change it. */
    public static String dataset(String id) {
        return """
                id: %1$s
                title: Test dataset %1$s
                description: A dataset written by a test.
                publisher: {name: Ministry of Justice}
                contact: {name: Data First, email: datafirst@justice.gov.uk}
                source: Test system
                sourceSystems: [Libra]
                jurisdiction: England and Wales
                coverage:
                  - {start: "2011-01-01", end: "2023-03-31", basis: case disposals}
                approvals: [DAP]
                whereHeld: [ONS SRS]
                dictionaryCompleteness: Complete for the test.
                sources:
                  - {id: guide, title: The user guide}
                tables:
                  - name: cases
                    grain: one row per case
                    source: guide
                    variables:
                      - {name: case_id_hash, type: string, source: guide, confidence: high, identifierRole: case-key}
                      - {name: sex, type: string, source: guide, confidence: high, lookup: test-sex}
                lookups:
                  - id: test-sex
                    title: Sex
                    codes:
                      - {code: F, label: Female}
                      - {code: M, label: Male}
                """.formatted(id);
    }

    public static Path write(Path root, String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void replace(Path file, String from, String to) {
        try {
            String content = Files.readString(file);
            if (!content.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, content.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
