package org.datafirst.catalogue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.config.CatalogueConfig;

/**
 * Rendered pages by key, valid while the catalogue's content stamp is unchanged (one small query
 * per request checks it). Keys name what a page shows (its path and the parameters it reads, in
 * canonical order), never the raw address, so {@code ?x=1} and {@code ?x=2} share one entry. The
 * cache is bounded by bytes and by pages, least recently used first; a page larger than an eighth
 * of the byte bound is never kept.
 */
@ApplicationScoped
public class PageCache {

    @Inject
    CatalogueService catalogue;

    @Inject
    CatalogueConfig config;

    private final Map<String, String> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private String stamp = "";

    public String get(String key, Supplier<String> render) {
        int size = config.web().pageCacheSize();
        long maxBytes = config.web().pageCacheMaxBytes();
        if (size <= 0 || maxBytes <= 0) {
            return render.get();
        }
        String current = catalogue.contentStamp();
        synchronized (this) {
            if (!current.equals(stamp)) {
                pages.clear();
                bytes = 0;
                stamp = current;
            }
            String page = pages.get(key);
            if (page != null) {
                return page;
            }
        }
        String page = render.get();
        long cost = cost(key, page);
        if (cost > maxBytes / 8) {
            return page;
        }
        synchronized (this) {
            if (current.equals(stamp)) {
                String replaced = pages.put(key, page);
                bytes += cost - (replaced == null ? 0 : cost(key, replaced));
                Iterator<Map.Entry<String, String>> eldest = pages.entrySet().iterator();
                while (pages.size() > size || bytes > maxBytes) {
                    Map.Entry<String, String> entry = eldest.next();
                    bytes -= cost(entry.getKey(), entry.getValue());
                    eldest.remove();
                }
            }
        }
        return page;
    }

    /** Bytes held (two per character: the worst case of a Java string), for tests and metrics. */
    synchronized long bytes() {
        return bytes;
    }

    private static long cost(String key, String page) {
        return 2L * (key.length() + page.length());
    }
}
