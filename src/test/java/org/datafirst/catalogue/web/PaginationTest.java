package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaginationTest {

    @Test
    void showsFirstLastAndNeighboursWithEllipses() {
        Pagination p = Pagination.of(5, 10, n -> "/p" + n);
        assertThat(p.items()).extracting(Pagination.Item::number).containsExactly(1, 0, 4, 5, 6, 0, 10);
        assertThat(p.items())
                .filteredOn(Pagination.Item::current)
                .extracting(Pagination.Item::href)
                .containsExactly("/p5");
        assertThat(p.previous()).isEqualTo("/p4");
        assertThat(p.next()).isEqualTo("/p6");
    }

    @Test
    void aSinglePageNeedsNoPagination() {
        Pagination p = Pagination.of(1, 1, n -> "/p" + n);
        assertThat(p.show()).isFalse();
        assertThat(p.previous()).isNull();
        assertThat(p.next()).isNull();
    }
}
