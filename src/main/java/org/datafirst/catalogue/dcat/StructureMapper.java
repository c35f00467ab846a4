package org.datafirst.catalogue.dcat;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.datafirst.catalogue.catalogue.DataTable;
import org.datafirst.catalogue.catalogue.LookupCode;
import org.datafirst.catalogue.catalogue.LookupVersion;
import org.datafirst.catalogue.catalogue.PublishedDataset;
import org.datafirst.catalogue.catalogue.Variable;
import org.datafirst.catalogue.dcat.Vocab.Csvw;
import org.datafirst.catalogue.dcat.Vocab.Dct;
import org.datafirst.catalogue.dcat.Vocab.Qb;
import org.datafirst.catalogue.dcat.Vocab.Skos;
import org.datafirst.catalogue.http.Routes;

/**
 * A release's tables and variables as CSVW in HealthDCAT-AP's pattern (healthdcatap:hasVariables →
 * csvw:TableGroup → csvw:Table with csvw:url and one csvw:column per variable, each with csvw:name,
 * csvw:title, dct:description and csvw:datatype as a CSVW datatype name), also linked from the dataset
 * and its distributions with dct:conformsTo; coded variables point (qb:codeList) at their lookup, a
 * SKOS concept scheme whose concepts carry the code as skos:notation, and which is the dataset's
 * coding system (healthdcatap:hasCodingSystem, a dct:Standard). Column order is the tables' own
 * order in the API and downloads: HealthDCAT-AP wants the columns as plain values, not an RDF list.
 */
final class StructureMapper {

    private StructureMapper() {}

    /** The dictionary's table group, whether any table is described, and the code lists its columns use. */
    record Dictionary(Resource tableGroup, boolean hasTables, Collection<Resource> codeLists) {}

    /** The data dictionary of the dataset's current release. */
    static Dictionary dictionary(Model model, Routes uris, PublishedDataset dataset) {
        String releaseUri = uris.release(dataset.id(), dataset.current().version);
        Resource group = model.createResource(releaseUri + "#dictionary", Csvw.TableGroup)
                .addProperty(RDF.type, Dct.Standard)
                .addProperty(
                        Dct.title,
                        DcatMapper.text(
                                model,
                                "Data dictionary of " + dataset.current().title() + " (release "
                                        + dataset.current().version + ")"))
                .addProperty(
                        Dct.description,
                        DcatMapper.text(model, dataset.current().document.dictionaryCompleteness()));
        Map<Long, Resource> schemes = new LinkedHashMap<>();
        for (DataTable table : dataset.tables()) {
            group.addProperty(Csvw.table, table(model, uris, dataset.id(), releaseUri, table, schemes));
        }
        return new Dictionary(group, !dataset.tables().isEmpty(), schemes.values());
    }

    private static Resource table(
            Model model,
            Routes uris,
            String datasetId,
            String releaseUri,
            DataTable table,
            Map<Long, Resource> schemes) {
        String tableUri = releaseUri + "#table-" + Routes.segment(table.name);
        Resource node = model.createResource(tableUri, Csvw.Table)
                .addProperty(Csvw.url, model.createResource(uris.tableJson(datasetId, table.name)))
                .addProperty(Dct.title, DcatMapper.text(model, table.name))
                .addProperty(
                        Dct.description,
                        DcatMapper.text(
                                model,
                                (table.description == null ? "" : table.description + " ") + "Grain: " + table.grain
                                        + "."));
        for (Variable variable : table.variables) {
            node.addProperty(Csvw.column, column(model, uris, tableUri, variable, schemes));
        }
        return node;
    }

    private static Resource column(
            Model model, Routes uris, String tableUri, Variable variable, Map<Long, Resource> schemes) {
        Resource column = model.createResource(tableUri + "-column-" + Routes.segment(variable.name), Csvw.Column)
                .addProperty(Csvw.name, variable.name)
                .addProperty(
                        Csvw.title, DcatMapper.text(model, variable.label == null ? variable.name : variable.label));
        if (variable.description != null) {
            column.addProperty(Dct.description, DcatMapper.text(model, variable.description));
        }
        String datatype = datatype(variable.dataType);
        if (datatype != null) {
            column.addProperty(Csvw.datatype, datatype);
        }
        if (variable.lookupVersion != null) {
            LookupVersion lookup = variable.lookupVersion;
            column.addProperty(Qb.codeList, schemes.computeIfAbsent(lookup.id, id -> scheme(model, uris, lookup)));
        }
        return column;
    }

    /**
     * The CSVW built-in datatype name of a catalogue data type, as HealthDCAT-AP writes it (a
     * literal such as "integer"); none for "unknown" (no public source shows it).
     */
    static String datatype(String dataType) {
        return switch (dataType) {
            case "string", "integer", "decimal", "boolean", "date" -> dataType;
            case "datetime" -> "dateTime";
            default -> null;
        };
    }

    /** A lookup as a SKOS concept scheme: one concept per code, the code as skos:notation. */
    static Resource scheme(Model model, Routes uris, LookupVersion lookup) {
        Resource scheme = model.createResource(uris.lookup(lookup.lookupId), Skos.ConceptScheme)
                .addProperty(RDF.type, Dct.Standard)
                .addProperty(Dct.title, DcatMapper.text(model, lookup.title))
                .addProperty(Skos.prefLabel, DcatMapper.text(model, lookup.title))
                .addProperty(Dct.identifier, lookup.lookupId);
        if (lookup.description != null) {
            scheme.addProperty(Dct.description, DcatMapper.text(model, lookup.description));
        }
        for (LookupCode code : lookup.codes) {
            Resource concept = model.createResource(uris.concept(lookup.lookupId, code.code), Skos.Concept)
                    .addProperty(Skos.notation, code.code)
                    .addProperty(Skos.prefLabel, DcatMapper.text(model, code.label))
                    .addProperty(Skos.inScheme, scheme)
                    .addProperty(Skos.topConceptOf, scheme);
            if (code.description != null) {
                concept.addProperty(Skos.definition, DcatMapper.text(model, code.description));
            }
            scheme.addProperty(Skos.hasTopConcept, concept);
        }
        return scheme;
    }
}
