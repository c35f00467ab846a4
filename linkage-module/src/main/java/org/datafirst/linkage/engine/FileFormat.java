package org.datafirst.linkage.engine;

import java.util.Locale;

/** The formats outputs are written in. */
public enum FileFormat {
    PARQUET,
    CSV;

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
