package org.datafirst.linkage.engine;

import java.nio.file.Path;

/**
 * DuckDB resources for one job. DuckDB takes 80% of RAM and all cores by default; we always set
 * them, and give it a temp directory so large joins spill to disk instead of failing.
 *
 * @param threads worker threads ({@code SET threads})
 * @param memoryLimit e.g. "4GB" ({@code SET memory_limit})
 * @param tempDirectory spill directory ({@code SET temp_directory})
 */
public record EngineOptions(int threads, String memoryLimit, Path tempDirectory) {
    public EngineOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        if (memoryLimit == null || !memoryLimit.matches("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException("memory limit must look like 4GB or 512MB, was " + memoryLimit);
        }
        if (tempDirectory == null) {
            tempDirectory = Path.of(System.getProperty("java.io.tmpdir"), "linkage-duckdb-spill");
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), "4GB", null);
    }
}
