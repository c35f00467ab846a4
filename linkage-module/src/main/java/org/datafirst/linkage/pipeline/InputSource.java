package org.datafirst.linkage.pipeline;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One input file and the source dataset name its records get (unless the file has a source dataset
 * column). Written on the command line as {@code name=path} or just {@code path} (name = file stem).
 */
public record InputSource(String name, Path path) {
    public InputSource {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("source dataset name must not be empty");
        }
    }

    public static InputSource parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq > 0) {
            return new InputSource(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
        }
        Path p = Path.of(spec);
        String file = p.getFileName().toString();
        int dot = file.indexOf('.');
        return new InputSource(dot > 0 ? file.substring(0, dot) : file, p);
    }

    public boolean isParquet() {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }
}
