package org.datafirst.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The Kubernetes Job and CronJob (k8s/base) call this CLI with commands and options it accepts. */
class KubernetesJobArgsTest {

    @ParameterizedTest
    @ValueSource(strings = {"../k8s/base/linkage-job.yaml", "../k8s/base/linkage-cronjob.yaml"})
    void everyContainerArgumentListParses(String manifest) throws IOException {
        JsonNode root =
                new ObjectMapper(new YAMLFactory()).readTree(Path.of(manifest).toFile());
        JsonNode pod = "CronJob".equals(root.path("kind").asText())
                ? root.path("spec")
                        .path("jobTemplate")
                        .path("spec")
                        .path("template")
                        .path("spec")
                : root.path("spec").path("template").path("spec");
        List<JsonNode> containers = new ArrayList<>();
        pod.path("initContainers").forEach(containers::add);
        pod.path("containers").forEach(containers::add);
        assertThat(containers).hasSize(2);
        List<String> commands = new ArrayList<>();
        for (JsonNode container : containers) {
            List<String> args = new ArrayList<>();
            container.path("args").forEach(a -> args.add(a.asText()));
            commands.add(args.get(0));
            assertThatCode(() -> new CommandLine(new LinkageCli()).parseArgs(args.toArray(String[]::new)))
                    .as(
                            "%s container %s args %s",
                            manifest, container.path("name").asText(), args)
                    .doesNotThrowAnyException();
        }
        assertThat(commands).containsExactly("run", "publish");
    }

    @Test
    void sparkApplicationArgumentsParseAndChooseSpark() throws IOException {
        JsonNode app = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../k8s/spark/linkage-spark-application.yaml").toFile());
        assertThat(app.path("kind").asText()).isEqualTo("SparkApplication");
        assertThat(app.path("spec").path("mainClass").asText()).isEqualTo(LinkageCli.class.getName());
        List<String> args = new ArrayList<>();
        app.path("spec").path("arguments").forEach(a -> args.add(a.asText()));
        CommandLine.ParseResult parsed = new CommandLine(new LinkageCli()).parseArgs(args.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("run");
        assertThat(parsed.subcommand().matchedOptionValue("--engine", EngineMixin.Kind.duckdb))
                .isEqualTo(EngineMixin.Kind.spark);
        // spark-submit sets the master; a --master here would override the operator's
        assertThat(parsed.subcommand().hasMatchedOption("--master")).isFalse();
    }
}
