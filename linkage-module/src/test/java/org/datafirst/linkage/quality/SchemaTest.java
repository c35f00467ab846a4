package org.datafirst.linkage.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.datafirst.linkage.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped JSON Schemas describe what the module really reads and writes. */
class SchemaTest {

    @Test
    void qualityReportMatchesItsSchemaAndTheOpenApiCopyIsTheSame() throws IOException {
        JsonNode report = QualityReportTest.report();
        Set<ValidationMessage> errors = TestSchemas.report().validate(report);
        assertThat(errors).isEmpty();
        Path copy = Path.of("../openapi/linkage-quality-report.schema.json");
        if (Files.exists(copy)) {
            try (InputStream in = SchemaTest.class.getResourceAsStream("/linkage-quality-report.schema.json")) {
                assertThat(Files.readString(copy))
                        .isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aMalformedSuppressionMarkerFailsTheSchema() throws IOException {
        ObjectMapper m = new ObjectMapper();
        var report = (com.fasterxml.jackson.databind.node.ObjectNode)
                QualityReportTest.report().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("overall"))
                .set("records", m.createObjectNode().put("suppressed", false));
        assertThat(TestSchemas.report().validate(report)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic-pipeline.json", "synthetic-dedupe.json", "synthetic-link.json"})
    void examplePipelineMatchesThePipelineSchemaAndItsSettingsTheSettingsSchema(String file) throws IOException {
        JsonNode json =
                new ObjectMapper().readTree(Files.readString(Path.of("src/main/resources/examples/pipeline", file)));
        String schema =
                file.endsWith("pipeline.json") ? "/linkage-pipeline.schema.json" : "/linkage-settings.schema.json";
        assertThat(TestSchemas.load(schema).validate(json)).isEmpty();
    }

    @Test
    void aPipelineModelWithBothSettingsAndATrainedModelFailsThePipelineSchema() throws IOException {
        JsonNode json = new ObjectMapper().readTree("""
                {"models": [{"name": "m", "settings": "s.json", "model": "m.json"}],
                 "sources": [{"dataset": "a", "file": "a.csv", "model": "m"}], "cross_dataset": {"model": "m"}}""");
        assertThat(TestSchemas.load("/linkage-pipeline.schema.json").validate(json))
                .isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"febrl3.json", "febrl4.json", "fake_1000.json", "synthetic.json", "throughput.json"})
    void exampleSettingsMatchTheSettingsSchema(String file) throws IOException {
        JsonNode settings = new ObjectMapper().readTree(Files.readString(Path.of("src/main/resources/examples", file)));
        assertThat(TestSchemas.load("/linkage-settings.schema.json").validate(settings))
                .isEmpty();
    }
}
