package org.datafirst.linkage.cli;

import java.io.PrintWriter;
import org.datafirst.linkage.io.ReportPublisher;
import org.datafirst.linkage.pipeline.InputDataException;
import org.datafirst.linkage.settings.InvalidSettingsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code linkage}: the command line. Exit codes a pipeline can act on:
 * 0 ok, 1 other failure, 2 usage or bad settings, 3 bad input data, 4 publish failed.
 */
@Command(
        name = "linkage",
        mixinStandardHelpOptions = true,
        versionProvider = LinkageCli.Version.class,
        description = {
            "Probabilistic record linkage (Fellegi-Sunter, Splink-style settings) on DuckDB.",
            "Exit codes: 0 ok, 1 other failure, 2 usage or bad settings, 3 bad input data, 4 publish failed."
        },
        subcommands = {
            TrainCommand.class,
            PredictCommand.class,
            ClusterCommand.class,
            RunCommand.class,
            EvaluateCommand.class,
            ReportCommand.class,
            PipelineCommand.class,
            LinkNewCommand.class,
            PublishCommand.class,
            GenerateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class LinkageCli implements Runnable {

    public static final int OK = 0;
    public static final int OTHER = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int PUBLISH_FAILED = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command, e.g. 'linkage run --help'");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new LinkageCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("error: " + ex.getMessage());
            err.println("try: linkage "
                    + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ") + "--help");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            int code = exitCode(ex);
            String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            err.println("error: "
                    + (code == OTHER ? message : message.lines().findFirst().orElse(message)));
            if (code == OTHER && System.getenv("LINKAGE_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return code;
        });
        return cl.execute(args);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof InvalidSettingsException || ex instanceof IllegalArgumentException) {
            return USAGE;
        }
        if (ex instanceof InputDataException) {
            return BAD_INPUT;
        }
        if (ex instanceof ReportPublisher.PublishException) {
            return PUBLISH_FAILED;
        }
        return OTHER;
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LinkageCli.class.getPackage().getImplementationVersion();
            return new String[] {"linkage " + (v == null ? "development" : v)};
        }
    }
}
