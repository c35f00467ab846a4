package org.datafirst.linkage.engine;

import java.util.Map;

/**
 * Where and how the Spark engine runs.
 *
 * @param master Spark master URL ({@code local[2]}, {@code spark://host:7077}, {@code k8s://...}); null when
 *     spark-submit has set it
 * @param conf Spark settings passed through as given ({@code spark.executor.memory=8g})
 */
public record SparkOptions(String master, Map<String, String> conf) {
    public SparkOptions {
        conf = Map.copyOf(conf);
    }
}
