package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.datafirst.catalogue.catalogue.CatalogueService;
import org.datafirst.catalogue.config.CatalogueConfig;
import org.junit.jupiter.api.Test;

/** The page cache holds at most its byte bound, drops the least recently used first, and never keeps a huge page. */
class PageCacheTest {

    static final long MAX_BYTES = 80_000;

    static PageCache cache(int pages, long maxBytes) {
        PageCache cache = new PageCache();
        cache.catalogue = new CatalogueService() {
            @Override
            public String contentStamp() {
                return "stamp";
            }
        };
        CatalogueConfig.Web web = new CatalogueConfig.Web() {
            @Override
            public int pageCacheSize() {
                return pages;
            }

            @Override
            public long pageCacheMaxBytes() {
                return maxBytes;
            }

            @Override
            public java.util.Optional<String> variableListKey() {
                return java.util.Optional.empty();
            }
        };
        cache.config = (CatalogueConfig) Proxy.newProxyInstance(
                CatalogueConfig.class.getClassLoader(),
                new Class<?>[] {CatalogueConfig.class},
                (proxy, method, args) -> method.getName().equals("web") ? web : null);
        return cache;
    }

    @Test
    void staysWithinItsByteBoundDroppingTheLeastRecentlyUsed() {
        PageCache cache = cache(500, MAX_BYTES);
        String page = "x".repeat(4_000); // 8 KB each
        for (int i = 0; i < 50; i++) {
            cache.get("/page/" + i, () -> page);
            assertThat(cache.bytes()).isLessThanOrEqualTo(MAX_BYTES);
        }
        AtomicInteger renders = new AtomicInteger();
        cache.get("/page/49", () -> "rendered again " + renders.incrementAndGet());
        cache.get("/page/0", () -> "rendered again " + renders.incrementAndGet());
        assertThat(renders)
                .as("the most recent page is kept, the first was dropped")
                .hasValue(1);
    }

    @Test
    void aPageLargerThanAnEighthOfTheBoundIsNeverKept() {
        PageCache cache = cache(500, MAX_BYTES);
        String huge = "x".repeat((int) (MAX_BYTES / 16) + 1);
        AtomicInteger renders = new AtomicInteger();
        cache.get("/huge", () -> {
            renders.incrementAndGet();
            return huge;
        });
        cache.get("/huge", () -> {
            renders.incrementAndGet();
            return huge;
        });
        assertThat(renders).hasValue(2);
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void replacingAPageKeepsTheCountRight() {
        PageCache cache = cache(2, MAX_BYTES);
        cache.get("/a", () -> "a".repeat(100));
        cache.get("/b", () -> "b".repeat(100));
        cache.get("/c", () -> "c".repeat(100));
        assertThat(cache.bytes()).isEqualTo(2 * 2 * (2 + 100));
    }
}
