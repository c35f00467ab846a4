package org.datafirst.catalogue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.catalogue.Release;
import org.datafirst.catalogue.catalogue.document.TableDocument;
import org.datafirst.catalogue.catalogue.document.VariableDocument;
import org.datafirst.catalogue.problem.NotFoundException;
import org.datafirst.catalogue.spreadsheet.Sheet;

/**
 * The variable list read against the current releases: what to add (one variable or a whole table),
 * the page grouped by dataset with its approvals and where it is held, and the sheet the downloads
 * write, in the order the Secure Access to Data form asks for (dataset, table, variable, description,
 * approval, justification). A listed variable that the current release no longer has is kept and
 * flagged, so a release change never drops what a researcher wrote.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VariableListPages {

    static final String MISSING = "Not in the current release: check the release notes";

    @Inject
    CatalogueService catalogue;

    /** A listed variable as shown and downloaded. */
    public record Item(
            int index,
            String table,
            String variable,
            String description,
            String justification,
            boolean missing,
            String href) {}

    /** The variables of one dataset, with what access to it needs. */
    public record DatasetGroup(
            String id,
            String title,
            String approvals,
            String whereHeld,
            List<AccessRoute.Approver> approvers,
            List<Item> items) {}

    public record ListView(List<DatasetGroup> groups, int size, int added, int max) {
        public boolean empty() {
            return size == 0;
        }
    }

    /** The entries to add: one variable, or every variable of a table when {@code variable} is blank. */
    public List<VariableList.Entry> toAdd(String dataset, String table, String variable) {
        Release release = catalogue.currentRelease(dataset);
        TableDocument found = release.document.tables().stream()
                .filter(t -> t.name().equals(table))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("table", dataset + "/" + table));
        List<VariableDocument> variables = variable == null || variable.isBlank()
                ? found.variables()
                : List.of(found.variables().stream()
                        .filter(v -> v.name().equals(variable))
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("variable", dataset + "/" + table + "/" + variable)));
        return variables.stream()
                .map(v -> new VariableList.Entry(dataset, table, v.name(), ""))
                .toList();
    }

    public ListView view(VariableList list, int added) {
        Map<String, Optional<Release>> releases = new HashMap<>();
        List<DatasetGroup> groups = new ArrayList<>();
        list.indexesByDataset().forEach((dataset, indexes) -> {
            Optional<Release> release = releases.computeIfAbsent(dataset, this::current);
            List<Item> items = indexes.stream()
                    .map(i -> item(i, list.entries().get(i), release))
                    .toList();
            groups.add(release.map(r -> new DatasetGroup(
                            dataset,
                            r.title(),
                            String.join(", ", r.document.approvals()),
                            String.join(", ", r.document.whereHeld()),
                            AccessRoute.approvers(r.document.approvals()),
                            items))
                    .orElseGet(() ->
                            new DatasetGroup(dataset, dataset + " (no longer published)", "", "", List.of(), items)));
        });
        return new ListView(groups, list.size(), added, VariableList.MAX_ENTRIES);
    }

    /** The list as one sheet, a row per variable, for XLSX, ODS and CSV. */
    public Sheet sheet(VariableList list) {
        List<List<String>> rows = new ArrayList<>();
        for (DatasetGroup g : view(list, 0).groups()) {
            for (Item i : g.items()) {
                rows.add(java.util.Arrays.asList(
                        g.title(),
                        i.table(),
                        i.variable(),
                        i.description(),
                        g.approvals(),
                        g.whereHeld(),
                        i.justification(),
                        i.missing() ? MISSING : null));
            }
        }
        return new Sheet(
                "Variables requested",
                List.of(
                        Sheet.Column.of("Dataset", 30),
                        Sheet.Column.of("Table", 24),
                        Sheet.Column.of("Variable", 28),
                        Sheet.Column.wide("Description"),
                        Sheet.Column.narrow("Approval"),
                        Sheet.Column.narrow("Where held"),
                        Sheet.Column.wide("Justification"),
                        Sheet.Column.of("Note", 30)),
                rows);
    }

    public Sheet.Title title() {
        return new Sheet.Title(
                "Variables requested",
                "For the Secure Access to Data application (Data First Catalogue)",
                LocalDate.now());
    }

    private Optional<Release> current(String dataset) {
        try {
            return Optional.of(catalogue.currentRelease(dataset));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static Item item(int index, VariableList.Entry e, Optional<Release> release) {
        Optional<VariableDocument> variable = release.flatMap(r -> r.document.tables().stream()
                .filter(t -> t.name().equals(e.table()))
                .flatMap(t -> t.variables().stream())
                .filter(v -> v.name().equals(e.variable()))
                .findFirst());
        String description = variable.map(v -> v.label() == null
                        ? (v.description() == null ? "" : v.description())
                        : v.label() + (v.description() == null ? "" : ". " + v.description()))
                .orElse("");
        return new Item(
                index,
                e.table(),
                e.variable(),
                description,
                e.justification(),
                variable.isEmpty(),
                variable.isPresent() ? Links.variable(e.dataset(), e.table(), e.variable()) : null);
    }
}
