package org.datafirst.catalogue.dcat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFWriter;
import org.datafirst.catalogue.catalogue.CatalogueExport;
import org.datafirst.catalogue.catalogue.CurrentReleases;
import org.datafirst.catalogue.catalogue.LinkageQualityReports;
import org.datafirst.catalogue.catalogue.PublishedPage;
import org.datafirst.catalogue.http.Routes;

/**
 * Builds and serialises the DCAT-AP catalogue and dataset documents. Output depends only on the
 * published releases, the base URI and the request, so serialised documents are cached under the
 * store's fingerprint (one cheap query per request) and rebuilt as soon as a release is made.
 */
@ApplicationScoped
public class DcatService {

    private static final int CACHE_ENTRIES = 512;

    @Inject
    CatalogueExport export;

    @Inject
    CurrentReleases currentReleases;

    @Inject
    LinkageQualityReports linkageQuality;

    private final Map<String, RdfDocument> cache = new ConcurrentHashMap<>();
    private volatile String cachedFingerprint = "";

    public RdfDocument catalog(RdfFormat format, CatalogRequest request) {
        return cached("catalog|" + format + "|" + request, () -> serialise(catalogModel(request), format));
    }

    public RdfDocument dataset(String id, RdfFormat format, String base) {
        return cached("dataset|" + id + "|" + format + "|" + base, () -> serialise(datasetModel(id, base), format));
    }

    /** The catalogue page as a graph, uncached (tests and the benchmark use it). */
    public Model catalogModel(CatalogRequest request) {
        int offset = (request.page() - 1) * request.size();
        PublishedPage page = export.page(request.modifiedSince(), offset, request.size());
        Routes uris = new Routes(request.base());
        Model model = DcatMapper.catalog(uris, page.datasets());
        var reports = linkageQuality.newestOfEachDataset().stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.datasetId(), r -> r));
        page.datasets().stream()
                .filter(d -> reports.containsKey(d.id()))
                .forEach(d ->
                        DqvMapper.addMeasurements(model, uris, LinkageQualityMeasurements.of(reports.get(d.id()))));
        HydraPaging.addView(model, uris.catalog(), links(request, page.total()));
        return model;
    }

    /** One dataset's graph, uncached. */
    public Model datasetModel(String id, String base) {
        Routes uris = new Routes(base);
        Model model = DcatMapper.dataset(uris, export.dataset(id));
        addQuality(model, uris, id);
        return model;
    }

    /** The newest linkage-quality report of the dataset as DQV measurements, with the run as PROV activity. */
    private void addQuality(Model model, Routes uris, String datasetId) {
        linkageQuality
                .latest(datasetId)
                .ifPresent(r -> DqvMapper.addMeasurements(model, uris, LinkageQualityMeasurements.of(r)));
    }

    public static RdfDocument serialise(Model model, RdfFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        RDFWriter.source(model).format(format.writer()).output(out);
        return new RdfDocument(format.mediaType(), out.toByteArray());
    }

    static HydraPaging.PageLinks links(CatalogRequest request, long total) {
        int lastPage = Math.max(1, (int) ((total + request.size() - 1) / request.size()));
        URI uri = request.requestUri();
        return new HydraPaging.PageLinks(
                pageUrl(uri, request.page(), request.size()),
                pageUrl(uri, 1, request.size()),
                pageUrl(uri, lastPage, request.size()),
                request.page() < lastPage ? pageUrl(uri, request.page() + 1, request.size()) : null,
                request.page() > 1 ? pageUrl(uri, Math.min(request.page() - 1, lastPage), request.size()) : null,
                total,
                request.size());
    }

    /** The request URI with page and size set (other parameters, e.g. modified_since, kept in order). */
    static String pageUrl(URI uri, int page, int size) {
        StringBuilder query = new StringBuilder();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String name = pair.split("=", 2)[0];
                if (!pair.isEmpty() && !name.equals("page") && !name.equals("size")) {
                    query.append(pair).append('&');
                }
            }
        }
        query.append("page=").append(page).append("&size=").append(size);
        String base = uri.toString();
        int cut = base.indexOf('?');
        return (cut < 0 ? base : base.substring(0, cut)) + "?" + query;
    }

    private RdfDocument cached(String key, Supplier<RdfDocument> build) {
        String fingerprint = currentReleases.stamp();
        if (!fingerprint.equals(cachedFingerprint) || cache.size() > CACHE_ENTRIES) {
            cache.clear();
            cachedFingerprint = fingerprint;
        }
        return cache.computeIfAbsent(fingerprint + "|" + key, k -> build.get());
    }
}
