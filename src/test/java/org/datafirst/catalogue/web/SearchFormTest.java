package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchFormTest {

    @Test
    void linksKeepTheSearchAndDropOnlyWhatIsRemoved() {
        SearchForm form = SearchForm.parse(
                " date of birth ",
                "variables",
                List.of(),
                List.of("ONS SRS"),
                List.of("DAP", "DAG"),
                null,
                "2015",
                null,
                "3");
        assertThat(form.href())
                .isEqualTo(
                        "/search?q=date+of+birth&whereHeld=ONS+SRS&approval=DAP&approval=DAG&coverageFrom=2015&kind=variables&page=3");
        assertThat(form.hrefWithout("approval", "DAP"))
                .isEqualTo("/search?q=date+of+birth&whereHeld=ONS+SRS&approval=DAG&coverageFrom=2015&kind=variables");
        assertThat(form.hrefWithoutFilters()).isEqualTo("/search?q=date+of+birth&kind=variables");
        assertThat(form.allKindsHref())
                .isEqualTo("/search?q=date+of+birth&whereHeld=ONS+SRS&approval=DAP&approval=DAG&coverageFrom=2015");
    }

    @Test
    void badValuesAreReportedAndIgnored() {
        SearchForm form = SearchForm.parse("x", "everything", null, null, null, null, "2020", "2010", "-4");
        assertThat(form.kind()).isEmpty();
        assertThat(form.page()).isEqualTo(1);
        assertThat(form.coverageTo()).isEmpty();
        assertThat(form.errors()).containsExactly("Coverage from must be the same as or before coverage to");
        assertThat(SearchForm.parse("", "", null, null, null, null, "twenty", "", "x")
                        .errors())
                .containsExactly("Coverage from must be a year, like 2015");
    }
}
