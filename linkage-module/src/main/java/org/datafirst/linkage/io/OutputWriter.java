package org.datafirst.linkage.io;

import java.io.IOException;
import java.nio.file.Path;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.pipeline.Predictor;
import org.datafirst.linkage.settings.LinkageSettings;
import org.datafirst.linkage.sql.Sql;

/**
 * Writes the outputs (Parquet or CSV):
 * <ul>
 * <li>{@code clusters}: source_dataset, unique_id, person id per record;</li>
 * <li>{@code linking_lookup}: the shape of the real xjs_link table: {@code row_id_hash}
 * (SHA-256 of source dataset and unique id), {@code source_dataset}, person id column;</li>
 * <li>{@code cluster_shapes}: per person id of two or more records, its size, accepted edges, density,
 * bridges and whether it looks chained (suspicious first, then largest first), for review;</li>
 * <li>{@code scored_pairs}: pairs with match probability at or above the floor.</li>
 * </ul>
 */
public final class OutputWriter {

    private OutputWriter() {}

    /** SQL expression for the person id: a meaningless integer id (smallest internal row of the cluster). */
    private static String personId() {
        return "c.cluster_id";
    }

    /** The person-id outputs: clusters, the linking lookup and the cluster shapes. */
    public static void writePersonIds(Engine db, LinkageSettings s, Path dir, FileFormat f) throws IOException {
        writeClusters(db, s, dir, f);
        writeLinkingLookup(db, s, dir, f);
        copy(
                db,
                "SELECT cluster_id AS " + Sql.ident(s.personIdColumn())
                        + ", size, edges AS accepted_edges, round(density, 4) AS density,"
                        + " bridges, suspicious FROM " + Clusterer.SHAPES
                        + " ORDER BY suspicious DESC, size DESC, cluster_id",
                dir.resolve("cluster_shapes." + f.extension()),
                f);
    }

    public static Path writeClusters(Engine db, LinkageSettings s, Path dir, FileFormat f) throws IOException {
        return copy(
                db,
                "SELECT r.__sd AS source_dataset, r.__uid AS unique_id, " + personId() + " AS "
                        + Sql.ident(s.personIdColumn()) + " FROM " + LoadStep.TABLE + " r JOIN " + Clusterer.TABLE
                        + " c USING (__rid)",
                dir.resolve("clusters." + f.extension()),
                f);
    }

    /** One dataset's person ids, {@code unique_id, <person id>}: the column the dataset gains (e.g. estimated_offender_id). */
    public static Path writeDatasetPersonIds(Engine db, LinkageSettings s, Path file, FileFormat f) throws IOException {
        return copy(
                db,
                "SELECT r.__uid AS unique_id, " + personId() + " AS " + Sql.ident(s.personIdColumn()) + " FROM "
                        + LoadStep.TABLE + " r JOIN " + Clusterer.TABLE + " c USING (__rid)",
                file,
                f);
    }

    public static Path writeLinkingLookup(Engine db, LinkageSettings s, Path dir, FileFormat f) throws IOException {
        return copy(
                db,
                "SELECT " + db.dialect().sha256("r.__sd || chr(31) || r.__uid")
                        + " AS row_id_hash, r.__sd AS source_dataset, "
                        + personId() + " AS " + Sql.ident(s.personIdColumn()) + " FROM " + LoadStep.TABLE + " r JOIN "
                        + Clusterer.TABLE + " c USING (__rid)",
                dir.resolve("linking_lookup." + f.extension()),
                f);
    }

    /**
     * {@code id_changes}: where the records of each id came from — {@code previous_<person id>, <person id>,
     * records, change} (same, moved, added, removed); internal, like the other record-level outputs.
     */
    public static Path writeIdChanges(Engine db, LinkageSettings s, Path dir, FileFormat f) throws IOException {
        String id = s.personIdColumn();
        return copy(
                db,
                "SELECT previous_id AS " + Sql.ident("previous_" + id) + ", id AS " + Sql.ident(id)
                        + ", records, change FROM " + org.datafirst.linkage.pipeline.StableIdStep.CHANGES
                        + " ORDER BY change <> 'same' DESC, previous_id NULLS LAST, id",
                dir.resolve("id_changes." + f.extension()),
                f);
    }

    public static Path writeScoredPairs(Engine db, LinkageSettings s, Path dir, FileFormat f) throws IOException {
        return copy(
                db,
                "SELECT l.__sd AS source_dataset_l, l.__uid AS unique_id_l, r.__sd AS source_dataset_r, "
                        + "r.__uid AS unique_id_r, "
                        + db.columns(Predictor.TABLE).stream()
                                .filter(c -> !c.equals("rid_l") && !c.equals("rid_r"))
                                .map(c -> "p." + Sql.ident(c))
                                .collect(java.util.stream.Collectors.joining(", "))
                        + " FROM " + Predictor.TABLE + " p JOIN "
                        + LoadStep.TABLE
                        + " l ON l.__rid = p.rid_l JOIN " + LoadStep.TABLE
                        + " r ON r.__rid = p.rid_r WHERE p.match_probability >= "
                        + Sql.number(s.scoredPairsFloor()),
                dir.resolve("scored_pairs." + f.extension()),
                f);
    }

    static Path copy(Engine db, String query, Path target, FileFormat f) {
        db.writeFile(query, target, f);
        return target;
    }
}
