package org.datafirst.linkage.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.datafirst.linkage.pipeline.Progress;

/**
 * Progress for batch logs (stderr not a terminal): one plain line per finished step with its
 * seconds, e.g. {@code [3/9] predict (block, compare, score) ... 4.2 s}, and a last line with the
 * total. No carriage returns, so every line survives in a log file.
 */
final class LogProgress implements Progress {

    private final PrintWriter out;
    private final int expectedSteps;
    private final long start = System.nanoTime();
    private String current;
    private long currentStart;
    private int index;

    LogProgress(PrintWriter out, int expectedSteps) {
        this.out = out;
        this.expectedSteps = Math.max(1, expectedSteps);
    }

    @Override
    public void step(String name) {
        finishCurrent();
        index++;
        current = name;
        currentStart = System.nanoTime();
    }

    @Override
    public void done() {
        finishCurrent();
        out.println(
                String.format(Locale.ROOT, "[%d/%d] done in %.1f s", index, index, (System.nanoTime() - start) / 1e9));
        out.flush();
    }

    private void finishCurrent() {
        if (current == null) {
            return;
        }
        out.println(String.format(
                Locale.ROOT,
                "[%d/%d] %s ... %.1f s",
                index,
                Math.max(index, expectedSteps),
                current,
                (System.nanoTime() - currentStart) / 1e9));
        out.flush();
        current = null;
    }
}
