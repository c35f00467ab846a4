package org.datafirst.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccessRouteTest {

    @Test
    void courtsDataInBothEnvironmentsNeedsDapAndBothApplicationRoutes() {
        List<AccessRoute.Step> steps = AccessRoute.steps(List.of("DAP"), List.of("ONS SRS", "SAIL Databank"));
        assertThat(steps)
                .extracting(AccessRoute.Step::heading)
                .containsExactly(
                        "Become an accredited researcher",
                        "Apply to the data owners",
                        "Get final approval from the UK Statistics Authority",
                        "Analyse the data in the secure environment");
        assertThat(String.join(" ", steps.get(1).paragraphs()))
                .contains("Secure Access to Data", "IGRP", "HMCTS Data Access Panel (DAP)");
        assertThat(steps.get(2).paragraphs().get(0)).startsWith("Complete the Research Project Application");
    }

    @Test
    void theDfeShareIsOnlyInTheSrsAndNeedsNoRap() {
        List<AccessRoute.Step> steps = AccessRoute.steps(List.of("DfE"), List.of("ONS SRS"));
        assertThat(String.join(" ", steps.get(1).paragraphs()))
                .doesNotContain("SAIL")
                .contains("Department for Education (DfE)");
        assertThat(steps.get(2).paragraphs().get(0)).contains("not required for the MoJ–DfE data share");
    }
}
