package org.datafirst.catalogue.synthetic;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.problem.BadParameterException;
import org.datafirst.catalogue.problem.NotFoundException;
import org.datafirst.catalogue.problem.TooManyRequestsException;

/**
 * Synthetic data of any release: checks the request, takes one of the few places for generating,
 * and returns a download that streams the file and frees the place when done. Generation reads only
 * the release's dictionary (and, for a linking table, the current dictionaries of the datasets it
 * links).
 */
@ApplicationScoped
public class SyntheticService {

    @Inject
    CatalogueService catalogue;

    @Inject
    CatalogueConfig config;

    private Semaphore generating;

    @PostConstruct
    void init() {
        generating = new Semaphore(Math.max(1, config.synthetic().concurrent()));
    }

    /** A file being sent: its name, type and a body that streams it. */
    public record Download(String fileName, SyntheticFormat format, Body body) {}

    /** Writes the file; called once. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * One table as CSV or Parquet; version null means the current release. With {@code generate}
     * false (a HEAD request) the request is checked and named but nothing is generated.
     */
    public Download table(
            String datasetId,
            Integer version,
            String tableName,
            SyntheticFormat format,
            Integer rows,
            Integer seed,
            boolean generate) {
        Release release = catalogue.releaseOrCurrent(datasetId, version);
        SyntheticFiles.Origin origin = origin(release, rows, seed);
        SyntheticTable table = tables(release).stream()
                .filter(t -> t.name().equals(tableName))
                .findFirst()
                .orElseThrow(() -> unknownTable(release, tableName));
        String name = fileName(origin) + "-" + table.name() + "." + format.extension();
        return admitted(name, format, generate, out -> {
            if (format == SyntheticFormat.PARQUET) {
                SyntheticFiles.parquet(table, origin, out);
            } else {
                SyntheticFiles.csv(table, origin, out);
            }
        });
    }

    /** Every table of a release, as CSV and Parquet, in a zip with a README; {@code generate} as for a table. */
    public Download dataset(String datasetId, Integer version, Integer rows, Integer seed, boolean generate) {
        Release release = catalogue.releaseOrCurrent(datasetId, version);
        SyntheticFiles.Origin origin = origin(release, rows, seed);
        List<SyntheticTable> tables = tables(release);
        List<String> without = DictionaryPlan.tablesWithoutVariables(release.document);
        return admitted(
                fileName(origin) + ".zip",
                SyntheticFormat.ZIP,
                generate,
                out -> SyntheticFiles.zip(tables, without, origin, out));
    }

    private Download admitted(String name, SyntheticFormat format, boolean generate, Body body) {
        if (!generate) {
            return new Download(name, format, out -> {});
        }
        if (!generating.tryAcquire()) {
            throw new TooManyRequestsException(
                    "The service is generating as many synthetic files as it can; try again shortly", 1);
        }
        return new Download(name, format, out -> {
            try {
                body.writeTo(out);
            } finally {
                generating.release();
            }
        });
    }

    private List<SyntheticTable> tables(Release release) {
        Map<String, DatasetDocument> linked = new LinkedHashMap<>();
        config.synthetic().linkedDatasets().forEach((code, datasetId) -> {
            if (!datasetId.equals(release.datasetId)) {
                try {
                    linked.put(code, catalogue.currentRelease(datasetId).document);
                } catch (NotFoundException e) {
                    // not in this catalogue: rows with that code get keys of their own
                }
            }
        });
        return DictionaryPlan.tables(release.document, release.issued, linked);
    }

    private SyntheticFiles.Origin origin(Release release, Integer rows, Integer seed) {
        int max = config.synthetic().maxRows();
        int n = rows == null ? Math.min(SyntheticData.DEFAULT_ROWS, max) : rows;
        if (n < 1 || n > max) {
            throw new BadParameterException("rows", "must be from 1 to " + max + ", was " + n);
        }
        return new SyntheticFiles.Origin(
                release.datasetId,
                release.title(),
                release.version,
                release.issued,
                seed == null ? SyntheticData.DEFAULT_SEED : seed,
                n);
    }

    private static String fileName(SyntheticFiles.Origin origin) {
        return origin.datasetId() + "-release-" + origin.release() + "-synthetic-seed-" + origin.seed() + "-rows-"
                + origin.rows();
    }

    private static NotFoundException unknownTable(Release release, String name) {
        boolean exists =
                release.document.tables().stream().anyMatch(t -> t.name().equals(name));
        String where = "dataset '" + release.datasetId + "' release " + release.version;
        return new NotFoundException(
                exists
                        ? "Table '" + name + "' of " + where
                                + " has no published variables, so it has no synthetic data"
                        : "No table '" + name + "' in " + where + "; tables with synthetic data: "
                                + String.join(", ", SyntheticData.tables(release.document)));
    }
}
