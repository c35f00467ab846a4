package org.datafirst.catalogue.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import direction written down in ARCHITECTURE.md, checked on the sources: a package may use
 * packages in lower layers only (never one above it, never a peer in its own layer), and the
 * resources of api/ and web/ use services, never the EntityManager or a query class.
 */
class ImportDirectionTest {

    private static final Path SOURCES = Path.of("src/main/java/org/datafirst/catalogue");

    /** Top to bottom; packages on one line are peers and must not use each other. */
    static final List<List<String>> LAYERS = List.of(
            List.of("api", "web"),
            List.of("spreadsheet", "linkagequality"),
            List.of("curation"),
            List.of("sources"),
            List.of("validation"),
            List.of("dcat", "gateway"),
            List.of("synthetic"),
            List.of("catalogue"),
            List.of("audit"),
            List.of("security", "store"),
            List.of("http"),
            List.of("config", "problem"));

    /** Any mention of a package of ours: imports, static imports and fully qualified names alike. */
    private static final Pattern REFERENCE = Pattern.compile("org\\.datafirst\\.catalogue\\.([a-z]+)\\b");

    /** What a resource must not touch: the store's API and the query classes behind the services. */
    private static final Pattern STORE_ACCESS =
            Pattern.compile("jakarta\\.persistence\\.EntityManager|io\\.quarkus\\.hibernate|\\bEntityManager\\b"
                    + "|org\\.datafirst\\.catalogue\\.catalogue\\.(\\w*Queries|CatalogueSearch)\\b");

    @Test
    void everyPackageHasALayer() {
        List<String> unplaced = packages().stream().filter(p -> layer(p) < 0).toList();
        assertThat(unplaced)
                .as("packages missing from ARCHITECTURE.md and LAYERS")
                .isEmpty();
    }

    @Test
    void packagesImportOnlyPackagesBelowThem() {
        List<String> upward = new ArrayList<>();
        for (Path file : sources()) {
            String own = topPackage(file);
            if (own.isEmpty()) {
                continue; // the application's main class starts everything
            }
            Matcher m = REFERENCE.matcher(read(file));
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(own) && layer(used) >= 0 && layer(used) <= layer(own)) {
                    upward.add(SOURCES.relativize(file) + " uses " + used);
                }
            }
        }
        assertThat(upward.stream().distinct().toList())
                .as("imports that point up or sideways")
                .isEmpty();
    }

    @Test
    void resourcesUseServicesNotTheStore() {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            String own = topPackage(file);
            if (own.equals("api") || own.equals("web")) {
                Matcher m = STORE_ACCESS.matcher(read(file));
                while (m.find()) {
                    found.add(SOURCES.relativize(file) + " uses " + m.group());
                }
            }
        }
        assertThat(found)
                .as("api/ and web/ classes that reach the store directly")
                .isEmpty();
    }

    @Test
    void theCheckSeesAnUpwardImport() {
        // Given a catalogue class that uses api/, the rule reports it.
        assertThat(layer("api")).isLessThan(layer("catalogue"));
        assertThat(STORE_ACCESS
                        .matcher("import org.datafirst.catalogue.catalogue.ReleaseQueries;")
                        .find())
                .isTrue();
        assertThat(STORE_ACCESS
                        .matcher("import org.datafirst.catalogue.catalogue.CatalogueService;")
                        .find())
                .isFalse();
    }

    static int layer(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return i;
            }
        }
        return -1;
    }

    private static String topPackage(Path file) {
        Path relative = SOURCES.relativize(file);
        return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
    }

    private static List<String> packages() {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
