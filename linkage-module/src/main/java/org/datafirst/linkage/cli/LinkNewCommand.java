package org.datafirst.linkage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.engine.FileFormat;
import org.datafirst.linkage.ids.StableIds;
import org.datafirst.linkage.io.ModelJson;
import org.datafirst.linkage.io.OutputWriter;
import org.datafirst.linkage.io.PreviousRun;
import org.datafirst.linkage.pipeline.IncrementalLinker;
import org.datafirst.linkage.pipeline.LinkageJob;
import org.datafirst.linkage.pipeline.LinkageModel;
import org.datafirst.linkage.pipeline.StableIdStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "link-new",
        mixinStandardHelpOptions = true,
        description = {
            "Link new records to an earlier run without scoring its pairs again (Splink's find_matches_to_new_records, in batch):",
            "only pairs with a new record are blocked and scored; a new record joins the existing person it matches best on",
            "average (existing persons never split or merge here), or a new person id above the highest ever used.",
            "Writes to --out: clusters, linking_lookup, scored_pairs (new pairs), id_changes, model.json and state/,",
            "so the result can be the --previous of a later link-new or run."
        })
final class LinkNewCommand implements Callable<Integer> {

    @Option(
            names = {"-m", "--model"},
            required = true,
            paramLabel = "FILE",
            description = "Model JSON (e.g. model.json of the earlier run).")
    Path model;

    @Option(
            names = "--previous",
            required = true,
            paramLabel = "DIR",
            description = "The --out folder of the earlier run or link-new.")
    Path previous;

    @Mixin
    OutputMixin output;

    @Option(names = "--no-scored-pairs", description = "Do not write the scored pairs.")
    boolean noScoredPairs;

    @Mixin
    InputMixin input;

    @Mixin
    EngineMixin engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path out = output.out;
        FileFormat format = output.format;
        long t0 = System.nanoTime();
        Jobs.requireWritableDirectory(out, "--out");
        LinkageModel m = Jobs.readModel(model);
        var progress =
                ConsoleProgress.create(engine.quiet, 5, spec.commandLine().getErr());
        PrintWriter stdout = spec.commandLine().getOut();
        try (Engine db = engine.open(out)) {
            PreviousRun.Contents prev =
                    PreviousRun.open(db, previous, "--previous", m.settings().personIdColumn());
            IncrementalLinker.checkPreviousColumns(m.settings(), m.settingsJson(), prev.records(), prev.columns());
            LinkageJob job = new LinkageJob(db, progress);
            progress.step("load earlier and new records");
            long old = job.timed(
                    "load",
                    () -> IncrementalLinker.load(
                            db,
                            m.settings(),
                            m.settingsJson(),
                            prev.records(),
                            PreviousRun.PERSON_ID,
                            input.sources()));
            progress.step("predict (pairs with a new record)");
            long pairs = job.timed("predict", () -> IncrementalLinker.predict(db, m, old));
            progress.step("place new records");
            IncrementalLinker.Result r = job.timed(
                    "cluster",
                    () -> IncrementalLinker.cluster(
                            db, m, m.settings().clustering(), m.settings().matchThreshold(), old));
            // every earlier record is present (link-new only adds), and its id is known by row
            StableIds.Result ids = job.timed(
                    "stable_ids", () -> StableIdStep.run(db, IncrementalLinker.EXISTING, new long[0], prev.state()));
            progress.step("write outputs");
            job.timed("write_outputs", () -> {
                try {
                    if (!noScoredPairs) {
                        OutputWriter.writeScoredPairs(db, m.settings(), out, format);
                    }
                    OutputWriter.writeClusters(db, m.settings(), out, format);
                    OutputWriter.writeLinkingLookup(db, m.settings(), out, format);
                    OutputWriter.writeIdChanges(db, m.settings(), out, format);
                    ModelJson.write(m, out.resolve("model.json"));
                    PreviousRun.write(db, m.settings().personIdColumn(), ids.next(), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return 0L;
            });
            progress.done();
            stdout.printf(
                    Locale.ROOT,
                    "earlier records %d, new records %d, scored pairs with a new record %d%n",
                    old,
                    r.newRecords(),
                    pairs);
            stdout.printf(
                    Locale.ROOT,
                    "new records: %d joined an existing person, %d in new person ids; %d matched two or more existing persons"
                            + " (joined the best on average; those persons stay apart until a full refresh); %d candidate groups, %d pairs scored"
                            + " in them, %d accepted pairs cut by the group size limit%n",
                    r.joined(),
                    r.newRecords() - r.joined(),
                    r.bridges(),
                    r.groups(),
                    r.rescoredPairs(),
                    r.cutPairs());
            Jobs.printIdChanges(stdout, ids.counts());
            stdout.printf("step seconds: %s%n", Jobs.seconds(job.stepSeconds()));
            stdout.printf(Locale.ROOT, "total %.2f s; outputs in %s%n", (System.nanoTime() - t0) / 1e9, out);
        }
        return LinkageCli.OK;
    }
}
