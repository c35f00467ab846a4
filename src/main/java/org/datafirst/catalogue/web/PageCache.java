package org.datafirst.catalogue.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.datafirst.catalogue.catalogue.CatalogueQueries;
import org.datafirst.catalogue.config.CatalogueConfig;

/**
 * Rendered pages by address, valid while the catalogue's content stamp is unchanged (one small
 * query per request checks it). Least recently used pages are dropped beyond the configured size.
 */
@ApplicationScoped
public class PageCache {

    @Inject
    CatalogueQueries catalogue;

    @Inject
    CatalogueConfig config;

    private final Map<String, String> pages = new LinkedHashMap<>(64, 0.75f, true);
    private String stamp = "";

    public String get(String address, Supplier<String> render) {
        int size = config.web().pageCacheSize();
        if (size <= 0) {
            return render.get();
        }
        String current = catalogue.contentStamp();
        synchronized (this) {
            if (!current.equals(stamp)) {
                pages.clear();
                stamp = current;
            }
            String page = pages.get(address);
            if (page != null) {
                return page;
            }
        }
        String page = render.get();
        synchronized (this) {
            if (current.equals(stamp)) {
                pages.put(address, page);
                if (pages.size() > size) {
                    pages.remove(pages.keySet().iterator().next());
                }
            }
        }
        return page;
    }
}
