package org.datafirst.linkage;

import org.apache.spark.sql.SparkSession;
import org.datafirst.linkage.engine.SparkEngine;

/**
 * One local Spark session for every test in the JVM (starting Spark takes seconds): local[2], two shuffle
 * partitions, no web UI. Each test gets its own engine on it; closing an engine leaves the session running.
 */
public final class TestSpark {

    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkEngine open() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("linkage-tests")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.adaptive.enabled", "true")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            session.sparkContext().setCheckpointDir(System.getProperty("java.io.tmpdir") + "/spark-test-checkpoints");
        }
        return SparkEngine.on(session);
    }
}
