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
        assertThat(form.errors())
                .containsExactly(new SearchForm.FieldError(
                        "coverageTo", "Coverage to must be the same as or after coverage from"));
        assertThat(form.typedTo()).as("what was typed stays in the form").isEqualTo("2010");
        SearchForm typo = SearchForm.parse("", "", null, null, null, null, "twenty", "", "x");
        assertThat(typo.errors())
                .containsExactly(new SearchForm.FieldError("coverageFrom", "Coverage from must be a year, like 2015"));
        assertThat(typo.typedFrom()).isEqualTo("twenty");
        assertThat(typo.coverageFrom()).as("not used as a filter").isEmpty();
    }

    @Test
    void aNewQueryKeepsTheFilters() {
        SearchForm form =
                SearchForm.parse("court", "", List.of("England"), null, List.of("DAP"), null, "2015", "x", null);
        assertThat(form.hiddenFilters())
                .containsExactly(
                        new SearchForm.Hidden("jurisdiction", "England"),
                        new SearchForm.Hidden("approval", "DAP"),
                        new SearchForm.Hidden("coverageFrom", "2015"));
    }
}
