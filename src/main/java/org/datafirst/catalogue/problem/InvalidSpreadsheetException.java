package org.datafirst.catalogue.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An uploaded workbook cannot be imported: every problem found, each located at a sheet cell
 * (e.g. {@code Variables!E17}) or at the file when the file itself is refused.
 */
public class InvalidSpreadsheetException extends CatalogueException {

    public InvalidSpreadsheetException(String file, List<ProblemError> errors) {
        super(
                ProblemType.INVALID_SPREADSHEET,
                file + " has " + errors.size()
                        + (errors.size() == 1 ? " problem: " : " problems: ")
                        + errors.stream().limit(3).map(ProblemError::toString).collect(Collectors.joining("; "))
                        + (errors.size() > 3 ? "; …" : "") + " Nothing was imported.",
                errors);
    }
}
