package org.datafirst.catalogue.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.datafirst.catalogue.catalogue.CatalogueExport;
import org.datafirst.catalogue.catalogue.LinkageQualityReports;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.datafirst.catalogue.http.Routes;
import org.datafirst.catalogue.problem.UnauthorizedException;

/** The HDR UK Gateway integration: the GMI list, the HDR UK 4.0.0 documents, and the optional API key. */
@ApplicationScoped
public class GatewayService {

    @Inject
    CatalogueExport export;

    @Inject
    CatalogueConfig config;

    @Inject
    LinkageQualityReports linkageQuality;

    public GmiDatasetList list(String base) {
        return GmiMapper.list(
                new Routes(base),
                export.page(Optional.empty(), 0, Integer.MAX_VALUE / 2).datasets(),
                linkageQuality.newestOfEachDataset().stream()
                        .collect(java.util.stream.Collectors.toMap(r -> r.datasetId(), r -> r)));
    }

    public ObjectNode document(String id, String base) {
        return HdrukMapper.document(new Routes(base), export.dataset(id), linkageQuality.latest(id));
    }

    /**
     * Checks the key when one is configured, accepting it as the Gateway sends it: an
     * {@code apikey} header (auth type API_KEY) or {@code Authorization: Bearer} (BEARER).
     */
    public void authorise(String apikeyHeader, String authorization) {
        Optional<String> expected = config.gateway().apiKey().filter(key -> !key.isBlank());
        if (expected.isEmpty()) {
            return;
        }
        String given = apikeyHeader;
        if (given == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        }
        if (given == null
                || !MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedException("The HDR UK Gateway endpoints need the API key, sent as an 'apikey' "
                    + "header or as 'Authorization: Bearer <key>'");
        }
    }
}
