package org.datafirst.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    @Test
    void drawsStepsWithCountsAndEndsFull() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 3);
        p.step("load");
        p.step("train");
        p.step("predict");
        p.done();
        String[] frames = bytes.toString(StandardCharsets.UTF_8).split("\r");
        assertThat(frames[1]).contains("0/3", "load", "ETA ?");
        assertThat(frames[2]).contains("1/3", "train", "ETA");
        assertThat(frames[4]).contains("[########################] 3/3", "done", "ETA 0s");
    }

    @Test
    void quietMeansNoBar() {
        assertThat(ConsoleProgress.create(true, 3)).isSameAs(org.datafirst.linkage.pipeline.Progress.NONE);
    }
}
