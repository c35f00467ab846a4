package org.datafirst.linkage.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.ids.IdState;
import org.datafirst.linkage.pipeline.Clusterer;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.pipeline.LoadStep;
import org.datafirst.linkage.sql.Sql;

/**
 * What a run leaves in {@code OUT/state/} for the next refresh ({@code run --previous OUT}) and for
 * {@code link-new --previous OUT}:
 * <ul>
 * <li>{@code records.parquet}: every record as loaded and standardised ({@code __sd}, {@code __uid} and the
 * input columns) with its person id ({@code __person_id}) — the record → id map, and the records new ones
 * are linked against;</li>
 * <li>{@code ids.json}: the id family's person-id column, the highest id ever used and the retired ids
 * ({@link IdState}).</li>
 * </ul>
 * Internal, like the other outputs that name records: it holds the identifying fields.
 */
public final class PreviousRun {

    public static final String FOLDER = "state";
    public static final String RECORDS = "records.parquet";
    public static final String IDS = "ids.json";
    static final String FORMAT = "datafirst-linkage-ids/1";
    /** The person id column in {@code records.parquet}. */
    public static final String PERSON_ID = "__person_id";

    /**
     * A previous run's state, checked.
     *
     * @param records {@code state/records.parquet}
     * @param columns the columns of {@code records.parquet}
     */
    public record Contents(Path dir, Path records, IdState state, String personIdColumn, List<String> columns) {}

    private PreviousRun() {}

    /**
     * Reads and checks {@code dir/state/} before any work: both files present, {@code ids.json} well formed,
     * {@code records.parquet} holding the record key and the person id, no id in it above the highest ever used
     * or retired (exit 3 naming the file), and the same id family as this run's settings (exit 2).
     */
    public static Contents open(Engine db, Path dir, String option, String personIdColumn) {
        if (!Files.isDirectory(dir)) {
            throw new InputDataException(
                    option + " " + dir + ": not a directory (give the --out folder of an earlier run)");
        }
        Path records = dir.resolve(FOLDER).resolve(RECORDS);
        Path ids = dir.resolve(FOLDER).resolve(IDS);
        for (Path p : List.of(ids, records)) {
            // Spark on a cluster writes records.parquet as a folder of parts
            if (!Files.isRegularFile(p) && !(p == records && Files.isDirectory(p))) {
                throw new InputDataException(
                        option + " " + dir + ": " + p + " not found (written by 'run' and 'link-new' since ids"
                                + " are kept across refreshes; run once without --previous first)");
            }
        }
        JsonNode json;
        try {
            json = ModelJson.MAPPER.readTree(Files.readString(ids));
        } catch (IOException e) {
            throw new InputDataException(
                    ids + ": not valid JSON: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new InputDataException(ids + ": $.format: expected \"" + FORMAT + "\"");
        }
        String family = json.path("person_id_column").asText("");
        if (!family.equals(personIdColumn)) {
            throw new IllegalArgumentException(
                    option + " " + dir + ": " + ids + " holds ids of '" + family + "', these settings write '"
                            + personIdColumn + "' (person_id_column_name): a refresh keeps one id family");
        }
        if (!json.path("highest_id").canConvertToLong()
                || json.path("highest_id").asLong() < 0) {
            throw new InputDataException(ids + ": $.highest_id: must be a non-negative integer");
        }
        Set<Long> retired = new HashSet<>();
        JsonNode list = json.path("retired_ids");
        if (!list.isArray()) {
            throw new InputDataException(ids + ": $.retired_ids: must be an array of ids");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).canConvertToLong()) {
                throw new InputDataException(ids + ": $.retired_ids[" + i + "]: must be an integer");
            }
            retired.add(list.get(i).asLong());
        }
        IdState state;
        try {
            state = new IdState(json.get("highest_id").asLong(), retired);
        } catch (IllegalArgumentException e) {
            throw new InputDataException(ids + ": " + e.getMessage(), e);
        }
        List<String> columns;
        try {
            columns = db.fileColumns(records);
        } catch (Exception e) { // Spark's readers throw checked exceptions through Scala
            throw new InputDataException(
                    records + ": cannot be read as Parquet: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
        for (String c : List.of("__sd", "__uid", PERSON_ID)) {
            if (!columns.contains(c)) {
                throw new InputDataException(
                        records + ": column '" + c + "' not found (columns: " + String.join(", ", columns) + ")");
            }
        }
        String file = db.dialect().parquetFile(records.toString());
        var row = db.query("SELECT max(" + PERSON_ID + "), min(" + PERSON_ID + ") FROM " + file)
                .get(0);
        if (row.get(0) != null
                && (((Number) row.get(0)).longValue() > state.highestId() || ((Number) row.get(1)).longValue() < 0)) {
            throw new InputDataException(records + ": person ids run from " + row.get(1) + " to " + row.get(0)
                    + ", but " + ids + " says the highest id ever used is " + state.highestId());
        }
        if (!retired.isEmpty()) {
            try (Engine.TableWriter a = db.newTable("__retired", "id BIGINT")) {
                retired.forEach(id -> a.row(id));
            }
            var reused = db.query("SELECT p." + PERSON_ID + " FROM " + file + " p JOIN __retired r ON r.id = p."
                    + PERSON_ID + " LIMIT 1");
            db.dropTable("__retired");
            if (!reused.isEmpty()) {
                throw new InputDataException(
                        records + ": person id " + reused.get(0).get(0) + " is listed as retired in " + ids);
            }
        }
        return new Contents(dir, records, state, personIdColumn, columns);
    }

    /** Writes {@code out/state/}: the loaded records with their person ids (table {@code clusters}) and the id state. */
    public static void write(Engine db, String personIdColumn, IdState state, Path out) throws IOException {
        Path folder = out.resolve(FOLDER);
        Files.createDirectories(folder);
        List<String> keep = new ArrayList<>();
        for (String c : db.columns(LoadStep.TABLE)) {
            if (!c.equals("__rid")
                    && !c.equals("__row")
                    && !c.equals("__file")
                    && !c.startsWith("__tf_")
                    && !c.equals(PERSON_ID)) {
                keep.add("r." + Sql.ident(c));
            }
        }
        OutputWriter.copy(
                db,
                "SELECT " + String.join(", ", keep) + ", c.cluster_id AS " + PERSON_ID + " FROM " + LoadStep.TABLE
                        + " r JOIN " + Clusterer.TABLE + " c USING (__rid)",
                folder.resolve(RECORDS),
                FileFormat.PARQUET);
        ObjectNode json = ModelJson.MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.put("person_id_column", personIdColumn);
        json.put("highest_id", state.highestId());
        ArrayNode retired = json.putArray("retired_ids");
        state.retired().forEach(retired::add);
        json.put("records", db.queryLong("SELECT count(*) FROM " + LoadStep.TABLE));
        json.put("written", Instant.now().toString());
        ModelJson.MAPPER.writeValue(folder.resolve(IDS).toFile(), json);
    }
}
