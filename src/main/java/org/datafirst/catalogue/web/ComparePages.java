package org.datafirst.catalogue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.document.TableDocument;

/** Datasets side by side: one column per chosen dataset, one row per fact a researcher weighs. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ComparePages {

    /** More columns than this do not fit a page. */
    static final int MAX_DATASETS = 4;

    @Inject
    CatalogueService catalogue;

    public record Choice(String id, String title, boolean checked) {}

    /** A row of the comparison: what it is and one cell per dataset. */
    public record Row(String heading, List<String> cells) {}

    public record CompareView(List<Choice> choices, List<Release> chosen, List<Row> rows, String error) {}

    public CompareView compare(List<String> ids) {
        List<Release> all = catalogue.currentReleases();
        List<String> wanted = ids == null ? List.of() : ids.stream().distinct().toList();
        String error = wanted.size() > MAX_DATASETS ? "Choose at most " + MAX_DATASETS + " datasets to compare" : null;
        List<Release> chosen = error != null
                ? List.of()
                : all.stream().filter(r -> wanted.contains(r.datasetId)).toList();
        if (error == null && wanted.size() == 1) {
            error = "Choose at least 2 datasets to compare";
            chosen = List.of();
        }
        List<Choice> choices = all.stream()
                .map(r -> new Choice(r.datasetId, r.title(), wanted.contains(r.datasetId)))
                .toList();
        List<Release> columns = chosen;
        List<Row> rows = chosen.isEmpty()
                ? List.of()
                : List.of(
                        row("Coverage", columns, r -> Format.periods(r.document.coverage())),
                        row("Jurisdiction", columns, r -> r.document.jurisdiction()),
                        row("Source systems", columns, r -> String.join(", ", r.document.sourceSystems())),
                        row(
                                "Approvals needed",
                                columns,
                                r -> r.document.approvals().isEmpty()
                                        ? "Depends on the data requested"
                                        : String.join(
                                                ", ",
                                                AccessRoute.approvers(r.document.approvals()).stream()
                                                        .map(a -> a.name() + " (" + a.code() + ")")
                                                        .toList())),
                        row("Where it is held", columns, r -> String.join(", ", r.document.whereHeld())),
                        row("Key variables", columns, r -> String.join(", ", r.document.keyVariables())),
                        row(
                                "Tables",
                                columns,
                                r -> r.document.tables().isEmpty()
                                        ? "None public"
                                        : String.join(
                                                ", ",
                                                r.document.tables().stream()
                                                        .map(TableDocument::name)
                                                        .toList())),
                        row(
                                "Variables published",
                                columns,
                                r -> String.valueOf(r.document.tables().stream()
                                        .mapToInt(t -> t.variables().size())
                                        .sum())),
                        row("This dictionary", columns, r -> r.document.dictionaryCompleteness()));
        return new CompareView(choices, chosen, rows, error);
    }

    private static Row row(String heading, List<Release> releases, java.util.function.Function<Release, String> cell) {
        return new Row(heading, releases.stream().map(cell).toList());
    }
}
