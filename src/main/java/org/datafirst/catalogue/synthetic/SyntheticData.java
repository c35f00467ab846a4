package org.datafirst.catalogue.synthetic;

import java.util.List;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.datafirst.catalogue.catalogue.document.TableDocument;

/** What every page, file and metadata record offering synthetic data says about it. */
public final class SyntheticData {

    /** Rows per table when none are asked for: the size Data First publishes. */
    public static final int DEFAULT_ROWS = 25_000;

    public static final long DEFAULT_SEED = 1;

    public static final String STATEMENT = "Low-fidelity synthetic data, generated from the published data dictionary "
            + "only: every value is drawn independently (codes from the variable's lookup, dates inside the dataset's "
            + "coverage, placeholder text, meaningless keys that join across tables). Nothing was learned from real "
            + "records and there are no joint distributions, so it is for writing and testing code before access, "
            + "never for analysis.";

    private SyntheticData() {}

    /** The tables of a dictionary that have synthetic data: those with published variables. */
    public static List<String> tables(DatasetDocument dictionary) {
        return dictionary.tables().stream()
                .filter(t -> !t.variables().isEmpty())
                .map(TableDocument::name)
                .toList();
    }
}
