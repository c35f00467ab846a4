package org.datafirst.linkage.io;

import java.nio.file.Path;
import java.util.Locale;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.PipelineException;
import org.datafirst.linkage.sql.Sql;

/** Reads outputs written by {@link OutputWriter} back (scored pairs onto the loaded records; any output as a table). */
public final class OutputReader {

    private OutputReader() {}

    /** The output file as a table expression (a CSV's columns all as text). */
    public static String from(Path file) {
        String f = Sql.string(file.toAbsolutePath().toString());
        return file.toString().toLowerCase(Locale.ROOT).endsWith(".parquet")
                ? "read_parquet(" + f + ")"
                : "read_csv(" + f + ", header = true, all_varchar = true)";
    }

    /**
     * Creates {@code table(rid_l, rid_r, [match_weight,] match_probability)} from the pairs whose two records
     * are loaded (matched on source dataset and unique id).
     */
    public static void scoredPairs(
            org.datafirst.linkage.pipeline.DuckDbSession db, Path pairs, String table, boolean withWeight) {
        try {
            db.execute("CREATE OR REPLACE TABLE " + table + " AS SELECT l.__rid AS rid_l, r.__rid AS rid_r, "
                    + (withWeight ? "CAST(p.match_weight AS DOUBLE) AS match_weight, " : "")
                    + "CAST(p.match_probability AS DOUBLE) AS match_probability FROM " + from(pairs) + " p JOIN "
                    + LoadStep.TABLE
                    + " l ON l.__sd = p.source_dataset_l AND l.__uid = CAST(p.unique_id_l AS VARCHAR) JOIN "
                    + LoadStep.TABLE
                    + " r ON r.__sd = p.source_dataset_r AND r.__uid = CAST(p.unique_id_r AS VARCHAR)");
        } catch (PipelineException e) {
            throw new InputDataException(
                    pairs + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
