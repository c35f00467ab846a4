package org.datafirst.catalogue.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.client.ApiClient;
import org.datafirst.catalogue.client.ApiException;
import org.datafirst.catalogue.client.ApiResponse;
import org.datafirst.catalogue.client.api.AuditApi;
import org.datafirst.catalogue.client.api.ChangesApi;
import org.datafirst.catalogue.client.api.DatasetsApi;
import org.datafirst.catalogue.client.api.DictionariesApi;
import org.datafirst.catalogue.client.api.HdrUkGatewayApi;
import org.datafirst.catalogue.client.api.LinkageQualityApi;
import org.datafirst.catalogue.client.api.LookupsApi;
import org.datafirst.catalogue.client.api.VariablesApi;
import org.datafirst.catalogue.client.model.ChangeFeed;
import org.datafirst.catalogue.client.model.Dataset;
import org.datafirst.catalogue.client.model.DatasetPage;
import org.datafirst.catalogue.client.model.DatasetSummary;
import org.datafirst.catalogue.client.model.ReleaseDiff;
import org.datafirst.catalogue.client.model.ReleaseSummary;
import org.datafirst.catalogue.client.model.TableSummary;
import org.datafirst.catalogue.support.ApiCatalogueProfile;
import org.datafirst.catalogue.support.Documents;
import org.datafirst.catalogue.support.IsolatedStoreProfile;
import org.datafirst.catalogue.support.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The published contract works as pipelines use it: a Java client generated from the checked-in
 * openapi/catalogue-api.yaml (openapi-generator-maven-plugin, in generate-test-sources; target/
 * generated-test-sources/catalogue-client) calls every read operation of the running service and one
 * authenticated write with If-Match, and the assertions are on its typed results. A contract that
 * generators cannot use (an untyped parameter, a schema they cannot name) fails to compile or to read here.
 */
@QuarkusTest
@TestProfile(GeneratedClientTest.ClientCatalogue.class)
class GeneratedClientTest {

    /** The fixture catalogue in a store of its own: this test writes to it. */
    public static class ClientCatalogue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(IsolatedStoreProfile.ownSchema("client"));
            overrides.put("catalogue.sources.path", ApiCatalogueProfile.SOURCES);
            return overrides;
        }
    }

    private static final String PROBATION = "fixture-probation";

    @TestHTTPResource("/")
    URI base;

    @Test
    void listsFiltersAndSearchesDatasets() throws ApiException {
        DatasetsApi datasets = new DatasetsApi(client(null));

        DatasetPage all = datasets.listDatasets(null, null, null, null, 1, null, 2, null, null);
        DatasetPage held =
                datasets.listDatasets(List.of("DAG"), 2015, 2016, null, null, null, null, null, List.of("ONS SRS"));
        DatasetPage found = datasets.listDatasets(null, null, null, null, null, "probation", null, null, null);

        assertThat(all.getTotal()).isEqualTo(3);
        assertThat(all.getItems()).hasSize(2);
        assertThat(all.getTotalPages()).isEqualTo(2);
        assertThat(held.getItems()).extracting(DatasetSummary::getId).contains(PROBATION);
        assertThat(found.getItems().get(0).getId()).isEqualTo(PROBATION);
    }

    @Test
    void readsADatasetItsTablesVariablesAndLookups() throws ApiException {
        DatasetsApi datasets = new DatasetsApi(client(null));

        Dataset dataset = datasets.getDataset(PROBATION);
        List<TableSummary> tables = datasets.listTables(PROBATION);
        var table = datasets.getTable(PROBATION, "event_flatfile");
        var variable = datasets.getVariable(PROBATION, "event_flatfile", "gender");
        var lookup = new LookupsApi(client(null)).getLookup("fixture-sex");
        var lookups = new LookupsApi(client(null)).listLookups();
        var hits = new VariablesApi(client(null)).searchVariables(List.of(PROBATION), 1, "gender", 20);

        assertThat(dataset.getId()).isEqualTo(PROBATION);
        assertThat(dataset.getApprovals()).containsExactly("DAG");
        assertThat(dataset.getCoverage().get(0).getStart()).hasToString("2014-01-01");
        assertThat(tables).extracting(TableSummary::getName).contains("event_flatfile");
        assertThat(table.getVariables()).extracting(v -> v.getName()).contains("gender");
        assertThat(variable.getLookup().getId()).isEqualTo("fixture-sex");
        assertThat(lookup.getCodes()).isNotEmpty();
        assertThat(lookups).extracting(l -> l.getId()).contains("fixture-sex");
        assertThat(hits.getItems()).extracting(h -> h.getName()).contains("gender");
        assertThat(new DatasetsApi(client(null)).getValidationReport(PROBATION).getTargets())
                .isNotEmpty();
    }

    @Test
    void problemsArriveAsApiExceptionsWithTheirStatus() {
        DatasetsApi datasets = new DatasetsApi(client(null));

        assertThatThrownBy(() -> datasets.getDataset("no-such-dataset"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("no-such-dataset");
                });
    }

    @Test
    void downloadsDictionariesAndReadsGatewayDocuments() throws ApiException, IOException {
        DictionariesApi dictionaries = new DictionariesApi(client(null));

        File workbook = dictionaries.getDictionary("xlsx", PROBATION);
        File release = dictionaries.getReleaseDictionary("ods", PROBATION, 1);
        File catalogue = dictionaries.getCatalogueDictionary("xlsx");
        String variables = Files.readString(
                dictionaries.getDictionarySheet(PROBATION, "variables").toPath());
        String tables = Files.readString(
                dictionaries.getReleaseDictionarySheet(PROBATION, "tables", 1).toPath());
        var gateway = new HdrUkGatewayApi(client(null));

        assertThat(zipSignature(workbook)).isTrue();
        assertThat(zipSignature(release)).isTrue();
        assertThat(zipSignature(catalogue)).isTrue();
        assertThat(variables).contains("gender");
        assertThat(tables).contains("event_flatfile");
        assertThat(gateway.listGatewayDatasets(null).getItems()).isNotEmpty();
        assertThat(gateway.getGatewayDataset(PROBATION, null)).isNotNull();
    }

    /** The authenticated write: PATCH with If-Match from the read, then releases, diff, change feed, audit. */
    @Test
    void editsWithIfMatchAndFollowsReleasesDiffAndChangeFeed() throws ApiException {
        DatasetsApi reader = new DatasetsApi(client(null));
        DatasetsApi curator = new DatasetsApi(client(Tokens.curator("pipeline")));
        ChangeFeed before = new ChangesApi(client(null)).listChanges(100, "0");
        ApiResponse<Dataset> current = reader.getDatasetWithHttpInfo(PROBATION);
        String etag = current.getHeaders().get("etag").get(0);

        ReleaseSummary made =
                curator.editDataset(PROBATION, Map.of("notes", "Checked by a generated client."), null, etag);
        ApiException stale = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class, () -> curator.editDataset(PROBATION, Map.of("notes", "stale"), null, etag));
        List<ReleaseSummary> releases = reader.listReleases(PROBATION, "published");
        ReleaseDiff diff = reader.compareReleases(PROBATION, made.getVersion() - 1, made.getVersion());
        Dataset asReleased = reader.getRelease(PROBATION, made.getVersion());
        ChangeFeed after = new ChangesApi(client(null)).listChanges(100, before.getNextCursor());
        var audit = new AuditApi(client(Tokens.curator("auditor"))).listAuditEntries(PROBATION, 1, 20);

        assertThat(made.getStatus()).isEqualTo("published");
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(releases).extracting(ReleaseSummary::getVersion).contains(made.getVersion());
        assertThat(diff.getDataset()).extracting(c -> c.getPath()).contains("notes");
        assertThat(asReleased.getNotes()).isEqualTo("Checked by a generated client.");
        assertThat(after.getChanges()).extracting(c -> c.getVersion()).containsExactly(made.getVersion());
        assertThat(audit.getEntries()).extracting(e -> e.getActor()).contains("pipeline");
    }

    @Test
    void publishesAndReadsLinkageQuality() throws ApiException, IOException {
        Object report = new ObjectMapper().treeToValue(Documents.linkageQualityReport(), Map.class);

        var receipt = new LinkageQualityApi(client(Tokens.curator("linkage"))).publishLinkageQuality(PROBATION, report);
        var latest = new LinkageQualityApi(client(null)).getLinkageQuality(PROBATION);

        assertThat(latest.getId()).isEqualTo(receipt.getId());
        assertThat(latest.getDatasetId()).isEqualTo(PROBATION);
    }

    private ApiClient client(String authorization) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(base.toString().replaceAll("/$", ""));
        if (authorization != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        }
        return client;
    }

    private static boolean zipSignature(File file) throws IOException {
        byte[] bytes = Files.readAllBytes(file.toPath());
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
    }
}
