package org.datafirst.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.datafirst.linkage.pipeline.Progress;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void drawsStepsWithCountsAndEndsFull() {
        StringWriter text = new StringWriter();
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text, true), 3);
        p.step("load");
        p.step("train");
        p.step("predict");
        p.done();
        String[] frames = text.toString().split("\r");
        assertThat(frames[1]).contains("0/3", "load", "ETA ?");
        assertThat(frames[2]).contains("1/3", "train", "ETA");
        assertThat(frames[4]).contains("[########################] 3/3", "done", "ETA 0s");
    }

    @Test
    void batchLogsGetOnePlainLinePerFinishedStep() {
        StringWriter text = new StringWriter();
        LogProgress p = new LogProgress(new PrintWriter(text, true), 3);
        p.step("load and standardise");
        p.step("predict (block, compare, score)");
        p.done();
        assertThat(text.toString()).doesNotContain("\r");
        assertThat(text.toString().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).matches("\\[1/3] load and standardise \\.\\.\\. \\d+\\.\\d s");
            assertThat(lines.get(1)).matches("\\[2/3] predict \\(block, compare, score\\) \\.\\.\\. \\d+\\.\\d s");
            assertThat(lines.get(2)).matches("\\[2/2] done in \\d+\\.\\d s");
        });
    }

    @Test
    void quietMeansNoOutputAndNoTerminalMeansLogLines() {
        StringWriter text = new StringWriter();
        assertThat(ConsoleProgress.create(true, 3, new PrintWriter(text))).isSameAs(Progress.NONE);
        // tests run without a console, as batch jobs do
        assertThat(ConsoleProgress.create(false, 3, new PrintWriter(text))).isInstanceOf(LogProgress.class);
    }
}
