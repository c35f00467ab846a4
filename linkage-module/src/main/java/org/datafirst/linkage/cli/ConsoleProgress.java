package org.datafirst.linkage.cli;

import java.io.PrintWriter;
import org.datafirst.linkage.pipeline.Progress;

/**
 * A one-line progress bar on stderr: steps done of the expected total, elapsed time and an ETA from
 * the mean step time so far. Drawn only on a terminal and without --quiet (batch logs get
 * {@link LogProgress} lines instead).
 */
final class ConsoleProgress implements Progress {

    private final PrintWriter out;
    private final int expectedSteps;
    private final long start = System.nanoTime();
    private int done = -1;
    private boolean finished;

    ConsoleProgress(PrintWriter out, int expectedSteps) {
        this.out = out;
        this.expectedSteps = Math.max(1, expectedSteps);
    }

    /**
     * Nothing with {@code --quiet}; a bar on a terminal; otherwise plain lines for batch logs
     * ({@link LogProgress}), all on {@code err}.
     */
    static Progress create(boolean quiet, int expectedSteps, PrintWriter err) {
        if (quiet) {
            return Progress.NONE;
        }
        return System.console() != null ? new ConsoleProgress(err, expectedSteps) : new LogProgress(err, expectedSteps);
    }

    @Override
    public void step(String name) {
        done++;
        draw(name);
    }

    @Override
    public void done() {
        done = Math.max(done + 1, 0);
        finished = true;
        draw("done");
        out.println();
    }

    private void draw(String name) {
        int total = finished ? done : Math.max(expectedSteps, done + 1);
        double elapsed = (System.nanoTime() - start) / 1e9;
        int width = 24;
        int filled = (int) Math.round(width * (double) done / total);
        String eta = finished ? "0s" : done <= 0 ? "?" : String.format("%.0fs", elapsed / done * (total - done));
        String line = String.format(
                "\r[%s%s] %d/%d %-40.40s %5.1fs ETA %s",
                "#".repeat(filled), "-".repeat(width - filled), Math.min(done, total), total, name, elapsed, eta);
        out.print(line);
        out.flush();
    }
}
