package org.datafirst.catalogue.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serialised JSON of representations that depend only on one release (dataset, its tables, one
 * table). Releases never change, so an entry never goes stale: a new release has a new id. The
 * hot read path is then one primary-key query for the current release id plus a map lookup.
 */
@ApplicationScoped
public class ReleaseRepresentations {

    /** The kind of a dataset's own representation ({@code GET /api/v1/datasets/{id}}). */
    public static final String DATASET = "dataset";

    private static final int MAX_ENTRIES = 1024;

    @Inject
    ObjectMapper json;

    private final Map<String, byte[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * @param kind what is represented, e.g. "dataset" or "table:delius_flatfile"
     * @param build makes the representation on a miss (queries allowed)
     */
    public byte[] json(String kind, long releaseId, Supplier<Object> build) {
        byte[] cached = cached(kind, releaseId);
        if (cached != null) {
            return cached;
        }
        byte[] body = serialise(build.get());
        synchronized (cache) {
            cache.put(key(kind, releaseId), body);
        }
        return body;
    }

    /** The representation when it was made before, otherwise null; never blocks on anything but this map. */
    public byte[] cached(String kind, long releaseId) {
        synchronized (cache) {
            return cache.get(key(kind, releaseId));
        }
    }

    private static String key(String kind, long releaseId) {
        return releaseId + "/" + kind;
    }

    private byte[] serialise(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
