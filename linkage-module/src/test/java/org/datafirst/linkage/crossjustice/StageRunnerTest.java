package org.datafirst.linkage.crossjustice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stage runs when its input hash or an output changed, and is skipped otherwise; relative output folders work. */
class StageRunnerTest {

    @Test
    void skipsAStageWhoseInputsAndOutputsAreUnchangedInARelativeFolder() throws IOException {
        Path out = Files.createDirectories(Path.of("target", "stage-runner-test-" + System.nanoTime()));
        Path output = out.resolve("a.txt");
        List<String> ran = new ArrayList<>();
        Runnable body = () -> {
            ran.add("a");
            try {
                Files.writeString(output, "a");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        new StageRunner(out, false, line -> {}).run("a", "h1", List.of(output), body);
        assertThat(new StageRunner(out, false, line -> {})
                        .run("a", "h1", List.of(output), body)
                        .skipped())
                .isTrue();
        assertThat(new StageRunner(out, false, line -> {})
                        .run("a", "h2", List.of(output), body)
                        .skipped())
                .isFalse();
        Files.delete(output);
        assertThat(new StageRunner(out, false, line -> {})
                        .run("a", "h2", List.of(output), body)
                        .skipped())
                .isFalse();
        assertThat(new StageRunner(out, true, line -> {})
                        .run("a", "h2", List.of(output), body)
                        .skipped())
                .isFalse();
        assertThat(ran).hasSize(4);
        assertThat(Files.readString(out.resolve(StageRunner.STATE_FILE))).contains("\"a.txt\"", "\"h2\"");
    }

    /** Spark on a cluster writes an output as a folder of parts: its hash follows the parts' names and contents. */
    @Test
    void hashesAFolderByItsFilesNamesAndContents(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("records.parquet"));
        Files.writeString(folder.resolve("part-0"), "a");
        Files.writeString(folder.resolve("part-1"), "b");
        String before = new StageRunner(dir, false, line -> {}).hash(folder);
        assertThat(new StageRunner(dir, false, line -> {}).hash(folder)).isEqualTo(before);
        Files.writeString(folder.resolve("part-1"), "c");
        String changed = new StageRunner(dir, false, line -> {}).hash(folder);
        assertThat(changed).isNotEqualTo(before);
        Files.move(folder.resolve("part-1"), folder.resolve("part-2"));
        assertThat(new StageRunner(dir, false, line -> {}).hash(folder)).isNotEqualTo(changed);
    }
}
