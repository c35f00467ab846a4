package org.datafirst.catalogue.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.datafirst.catalogue.catalogue.document.DatasetDocument;
import org.junit.jupiter.api.Test;

class HdrukPopulationSizeTest {

    private static DatasetDocument observing(String observations) throws Exception {
        return new ObjectMapper().readValue("{\"observations\": " + observations + "}", DatasetDocument.class);
    }

    @Test
    void peopleCountedByASourceAreThePopulationTheNewestCountWins() throws Exception {
        DatasetDocument document = observing("""
                [{"observedNode": "Persons", "measuredValue": 1200, "measuredProperty": "Count",
                  "observationDate": "2020-01-31", "source": "a"},
                 {"observedNode": "Events", "measuredValue": 9000000, "measuredProperty": "Count",
                  "observationDate": "2024-01-31", "source": "a"},
                 {"observedNode": "Persons", "measuredValue": 1500, "measuredProperty": "Count",
                  "observationDate": "2023-06-30", "source": "a"}]""");
        assertThat(HdrukMapper.populationSize(document)).isEqualTo(1500);
    }

    @Test
    void countsOfEventsAreNotAPopulation() throws Exception {
        DatasetDocument document = observing("""
                [{"observedNode": "Events", "measuredValue": 3000000, "measuredProperty": "Count",
                  "observationDate": "2021-09-29", "source": "a"}]""");
        assertThat(HdrukMapper.populationSize(document)).isEqualTo(-1);
        assertThat(HdrukMapper.populationSize(observing("[]"))).isEqualTo(-1);
    }
}
