package org.datafirst.linkage.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and how the Spark engine runs.
 *
 * @param master Spark master URL ({@code local[2]}, {@code spark://host:7077}, {@code k8s://...}); null when
 *     spark-submit has set it
 * @param conf Spark settings passed through as given ({@code spark.executor.memory=8g})
 * @param checkpointDirectory where iterative steps (connected components) cut their lineage; on a cluster a
 *     shared file system
 */
public record SparkOptions(String master, Map<String, String> conf, Path checkpointDirectory) {
    public SparkOptions {
        conf = Map.copyOf(conf);
        if (checkpointDirectory == null) {
            checkpointDirectory = Path.of(System.getProperty("java.io.tmpdir"), "linkage-spark-checkpoints");
        }
    }
}
