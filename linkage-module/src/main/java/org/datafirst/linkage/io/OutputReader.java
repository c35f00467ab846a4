package org.datafirst.linkage.io;

import java.nio.file.Path;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.PipelineException;

/** Reads outputs written by {@link OutputWriter} back (scored pairs onto the loaded records; any output as a table). */
public final class OutputReader {

    private OutputReader() {}

    /**
     * Creates {@code table(rid_l, rid_r, [match_weight,] match_probability)} from the pairs whose two records
     * are loaded (matched on source dataset and unique id).
     */
    public static void scoredPairs(Engine db, Path pairs, String table, boolean withWeight) {
        try {
            db.registerFile("__pairs_file", pairs);
            db.createTable(
                    table,
                    "SELECT l.__rid AS rid_l, r.__rid AS rid_r, "
                            + (withWeight ? "CAST(p.match_weight AS DOUBLE) AS match_weight, " : "")
                            + "CAST(p.match_probability AS DOUBLE) AS match_probability FROM __pairs_file p JOIN "
                            + LoadStep.TABLE
                            + " l ON l.__sd = p.source_dataset_l AND l.__uid = CAST(p.unique_id_l AS STRING) JOIN "
                            + LoadStep.TABLE
                            + " r ON r.__sd = p.source_dataset_r AND r.__uid = CAST(p.unique_id_r AS STRING)");
            db.dropTable("__pairs_file");
        } catch (PipelineException e) {
            throw new InputDataException(
                    pairs + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
