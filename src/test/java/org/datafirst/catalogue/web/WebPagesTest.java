package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.datafirst.catalogue.catalogue.Release;
import org.junit.jupiter.api.Test;

class WebPagesTest {

    private static Release release(int version) {
        Release r = new Release();
        r.datasetId = "probation";
        r.version = version;
        return r;
    }

    @Test
    void eachReleaseLinksToItsChangesFromThePublishedOneBefore() {
        // Given published releases 5, 3 and 1, newest first (2 and 4 were drafts never published)
        Release current = release(5);
        List<Views.ReleaseRow> rows =
                WebPages.releaseRows("probation", current, List.of(current, release(3), release(1)));
        assertThat(rows)
                .extracting(Views.ReleaseRow::changesHref)
                .containsExactly(
                        "/datasets/probation/changes?from=3&to=5", "/datasets/probation/changes?from=1&to=3", null);
        assertThat(rows).extracting(Views.ReleaseRow::current).containsExactly(true, false, false);
    }
}
