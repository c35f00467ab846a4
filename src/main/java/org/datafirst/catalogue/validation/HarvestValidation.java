package org.datafirst.catalogue.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.datafirst.catalogue.dcat.DcatService;
import org.datafirst.catalogue.dcat.ShaclCheck;
import org.datafirst.catalogue.gateway.GatewayService;
import org.datafirst.catalogue.gateway.GmiDatasetList;
import org.datafirst.catalogue.problem.ProblemError;

/** Checks what harvesters get for one dataset against each target's official schema. */
@ApplicationScoped
public class HarvestValidation {

    public static final String HDRUK_SCHEMA = "classpath:gateway/hdruk-4.0.0.schema.json";
    public static final String GMI_SCHEMA = "classpath:gateway/gmi-datasets-endpoint.schema.json";

    @Inject
    DcatService dcat;

    @Inject
    GatewayService gateway;

    @Inject
    ObjectMapper json;

    public ValidationReport validate(String datasetId, String base) {
        ShaclCheck.Outcome shacl = ShaclCheck.validate(dcat.datasetModel(datasetId, base));
        ValidationReport.Target dcatTarget = new ValidationReport.Target(
                "dcat-ap",
                "DCAT-AP 3.0.1 SHACL (shapes + range; recommended properties as warnings)",
                shacl.conforms(),
                shacl.violations().size(),
                shacl.warnings().size(),
                Stream.concat(shacl.violations().stream(), shacl.warnings().stream())
                        .map(f -> new ValidationReport.Finding(f.severity(), f.focusNode(), f.path(), f.message()))
                        .toList());

        JsonNode document = gateway.document(datasetId, base);
        ValidationReport.Target hdruk = schemaTarget(
                "hdruk",
                "HDR UK dataset schema 4.0.0 (JSON Schema)",
                JsonSchemas.validate(HDRUK_SCHEMA, document, "hdruk"));
        GmiDatasetList list = gateway.list(base);
        GmiDatasetList own = new GmiDatasetList(
                new GmiDatasetList.GmiQuery(1, 0, 0),
                list.items().stream()
                        .filter(item -> item.persistentId().equals(datasetId))
                        .toList());
        ValidationReport.Target gmi = schemaTarget(
                "gmi",
                "HDR UK GMI datasets endpoint (JSON Schema)",
                JsonSchemas.validate(GMI_SCHEMA, json.valueToTree(own), "gmi"));
        String version = document.path("version").asText();
        return new ValidationReport(
                datasetId,
                version,
                dcatTarget.conforms() && hdruk.conforms() && gmi.conforms(),
                List.of(dcatTarget, hdruk, gmi));
    }

    private static ValidationReport.Target schemaTarget(String id, String standard, List<ProblemError> errors) {
        return new ValidationReport.Target(
                id,
                standard,
                errors.isEmpty(),
                errors.size(),
                0,
                errors.stream()
                        .map(e -> new ValidationReport.Finding("Violation", e.pointer(), "", e.message()))
                        .toList());
    }
}
