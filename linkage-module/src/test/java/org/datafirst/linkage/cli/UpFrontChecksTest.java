package org.datafirst.linkage.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.datafirst.linkage.TestDb;
import org.datafirst.linkage.engine.Engine;
import org.datafirst.linkage.sql.Sql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a new user gets wrong is refused before any work, with one line naming the place: settings
 * columns the input lacks (JSON path), a --truth-from-id pattern that cannot work, an output path
 * that cannot be written. And every command's --help is clean.
 */
class UpFrontChecksTest {

    static final String FAKE = LinkageCliTest.FAKE;
    static final String SETTINGS = LinkageCliTest.SETTINGS;
    static final String COLUMNS = "columns: unique_id, first_name, surname, dob, city, email, cluster";

    @TempDir
    static Path shared;

    static Path model;
    static Path withoutEmail;
    static Path withoutEmailParquet;

    @BeforeAll
    static void trainOnceAndMakeInputsWithoutEmail() {
        model = shared.resolve("model.json");
        var r = LinkageCliTest.run(
                "train",
                "-s",
                SETTINGS,
                "-i",
                "fake_1000=" + FAKE,
                "-o",
                model.toString(),
                "-q",
                "--threads",
                "1",
                "--memory-limit",
                "512MB");
        assertThat(r.code()).as(r.err()).isZero();
        withoutEmail = shared.resolve("no_email.csv");
        withoutEmailParquet = shared.resolve("no_email.parquet");
        try (Engine db = TestDb.open()) {
            String select = "SELECT * EXCLUDE (email) FROM read_csv(" + Sql.string(FAKE) + ", all_varchar = true)";
            db.execute("COPY (" + select + ") TO " + Sql.string(withoutEmail.toString()) + " (HEADER)");
            db.execute("COPY (" + select + ") TO " + Sql.string(withoutEmailParquet.toString()) + " (FORMAT PARQUET)");
        }
    }

    static String settingsWith(Path dir, String pointer, String newValue) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root = mapper.readTree(Path.of(SETTINGS).toFile());
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        if (parent.isMissingNode()) { // e.g. a "columns" list the level does not have yet
            String parentPointer = pointer.substring(0, cut);
            int up = parentPointer.lastIndexOf('/');
            parent = ((ObjectNode) root.at(parentPointer.substring(0, up))).putArray(parentPointer.substring(up + 1));
        }
        String last = pointer.substring(cut + 1);
        if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (i == a.size()) {
                a.add(newValue);
            } else {
                a.set(i, mapper.getNodeFactory().textNode(newValue));
            }
        } else {
            ((ObjectNode) parent).put(last, newValue);
        }
        Path f = dir.resolve("settings.json");
        mapper.writeValue(f.toFile(), root);
        return f.toString();
    }

    static Stream<Arguments> settingsNamingAMissingColumn() {
        return Stream.of(
                Arguments.of(
                        "/blocking_rules_to_generate_predictions/3/block_on/0",
                        "emial",
                        "$.blocking_rules_to_generate_predictions[3].block_on[0]",
                        "emial"),
                Arguments.of(
                        "/blocking_rules_to_generate_predictions/4/sql",
                        "substr(l.first_name, 1, 1) = substr(r.firstname, 1, 1)",
                        "$.blocking_rules_to_generate_predictions[4].sql",
                        "firstname"),
                Arguments.of("/comparisons/3/column", "town", "$.comparisons[3].column", "town"),
                Arguments.of(
                        "/comparisons/1/levels/1/tf_adjustment_column",
                        "surnam",
                        "$.comparisons[1].levels[1].tf_adjustment_column",
                        "surnam"),
                Arguments.of(
                        "/comparisons/1/levels/2/column_2",
                        "last_name",
                        "$.comparisons[1].levels[2].column_2",
                        "last_name"),
                Arguments.of(
                        "/comparisons/4/levels/2/columns/0",
                        "e_mail",
                        "$.comparisons[4].levels[2].columns[0]",
                        "e_mail"),
                Arguments.of(
                        "/comparisons/4/levels/2/sql_condition",
                        "split_part(l.mail, '@', 1) = split_part(r.mail, '@', 1)",
                        "$.comparisons[4].levels[2].sql_condition",
                        "mail"),
                Arguments.of(
                        "/training/deterministic_rules/0/sql",
                        "l.first_name = r.first_name AND l.birth_date = r.birth_date",
                        "$.training.deterministic_rules[0].sql",
                        "birth_date"),
                Arguments.of(
                        "/training/em_blocking_rules/1/block_on/0",
                        "date_of_birth",
                        "$.training.em_blocking_rules[1].block_on[0]",
                        "date_of_birth"),
                Arguments.of("/unique_id_column_name", "id", "$.unique_id_column_name", "id"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("settingsNamingAMissingColumn")
    void settingsNamingAColumnTheInputLacksAreRefusedBeforeTraining(
            String pointer, String value, String path, String column, @TempDir Path dir) throws IOException {
        String settings = settingsWith(dir, pointer, value);
        for (String command : List.of("run", "train")) {
            Path out = dir.resolve(command + "-out");
            var r = LinkageCliTest.run(command, "-s", settings, "-i", "fake_1000=" + FAKE, "-o", out.toString(), "-q");
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip())
                    .isEqualTo(
                            "error: " + path + ": column '" + column + "' not found in " + FAKE + " (" + COLUMNS + ")");
            assertThat(out.resolve("model.json")).doesNotExist();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"predict", "cluster", "evaluate", "report", "train", "run"})
    void everyCommandThatLoadsInputChecksItsColumnsFromTheHeader(String command, @TempDir Path dir) throws IOException {
        for (Path input : List.of(withoutEmail, withoutEmailParquet)) {
            List<String> args = new ArrayList<>(List.of(command, "-i", "fake_1000=" + input, "-q"));
            switch (command) {
                case "train", "run" ->
                    args.addAll(List.of("-s", SETTINGS, "-o", dir.resolve("out").toString()));
                case "cluster" ->
                    args.addAll(List.of(
                            "-m",
                            model.toString(),
                            "--pairs",
                            FAKE,
                            "-o",
                            dir.resolve("out").toString()));
                case "evaluate" -> args.addAll(List.of("-m", model.toString(), "--truth-column", "cluster"));
                case "report" ->
                    args.addAll(List.of(
                            "-m", model.toString(), "-o", dir.resolve("r.json").toString()));
                default ->
                    args.addAll(List.of(
                            "-m", model.toString(), "-o", dir.resolve("out").toString()));
            }
            var r = LinkageCliTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip())
                    .isEqualTo(
                            "error: $.blocking_rules_to_generate_predictions[3].block_on[0]: column 'email' not found in "
                                    + input + " (columns: unique_id, first_name, surname, dob, city, cluster)");
        }
    }

    static Stream<Arguments> badIdPatterns() {
        return Stream.of(
                Arguments.of(
                        "^rec-(\\d+",
                        2,
                        "--truth-from-id '^rec-(\\d+' is not a valid regular expression: Unclosed group"),
                Arguments.of("^\\d+", 2, "--truth-from-id '^\\d+' has no capturing group"),
                Arguments.of(
                        "^rec-(\\d+)",
                        3,
                        "--truth-from-id '^rec-(\\d+)' matches none of the unique ids (e.g. '0', '1', '2')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIdPatterns")
    void aTruthFromIdPatternThatCannotWorkIsRefusedBeforeTraining(
            String regex, int code, String message, @TempDir Path dir) {
        Path out = dir.resolve("out");
        var run = LinkageCliTest.run(
                "run", "-s", SETTINGS, "-i", "fake_1000=" + FAKE, "--truth-from-id", regex, "-o", out.toString(), "-q");
        assertThat(run.code()).as(run.err()).isEqualTo(code);
        assertThat(run.err().strip()).startsWith("error: " + message);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(out.resolve("model.json")).doesNotExist();
        var evaluate = LinkageCliTest.run(
                "evaluate", "-m", model.toString(), "-i", "fake_1000=" + FAKE, "--truth-from-id", regex, "-q");
        assertThat(evaluate.code()).as(evaluate.err()).isEqualTo(code);
        assertThat(evaluate.err().strip()).startsWith("error: " + message);
    }

    static Stream<Arguments> outputsUnderARegularFile() {
        return Stream.of(
                Arguments.of("run", "--out", "sub", List.of("-s", SETTINGS)),
                Arguments.of("train", "--model", "sub/model.json", List.of("-s", SETTINGS)),
                Arguments.of("predict", "--out", "sub", List.of("-m", "MODEL")),
                Arguments.of("cluster", "--out", "sub", List.of("-m", "MODEL", "--pairs", FAKE)),
                Arguments.of("report", "--report", "sub/report.json", List.of("-m", "MODEL")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outputsUnderARegularFile")
    void anOutputThatCannotBeWrittenIsRefusedFirst(
            String command, String option, String under, List<String> more, @TempDir Path dir) throws IOException {
        // a path under a regular file cannot be created, even by root (CI runs as root)
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path target = file.resolve(under);
        List<String> args =
                new ArrayList<>(List.of(command, "-i", "fake_1000=" + FAKE, option, target.toString(), "-q"));
        more.forEach(a -> args.add(a.equals("MODEL") ? model.toString() : a));
        var r = LinkageCliTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip())
                .startsWith("error: " + option + " " + target + ": ")
                .contains("a part of the path is a file");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void anOutputPathThatIsAFileOrADirectoryTheWrongWayRoundIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        var run = LinkageCliTest.run("run", "-s", SETTINGS, "-i", FAKE, "-o", file.toString(), "-q");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("error: --out " + file + ": is a file, not a directory");
        var train = LinkageCliTest.run("train", "-s", SETTINGS, "-i", FAKE, "-o", dir.toString(), "-q");
        assertThat(train.code()).isEqualTo(2);
        assertThat(train.err().strip()).isEqualTo("error: --model " + dir + ": is a directory, not a file");
    }

    @Test
    void aFolderWithoutWritePermissionIsRefusedFirst(@TempDir Path dir) throws IOException {
        assumeThat(System.getProperty("user.name"))
                .as("root writes regardless of permission bits")
                .isNotEqualTo("root");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            var r = LinkageCliTest.run(
                    "run",
                    "-s",
                    SETTINGS,
                    "-i",
                    FAKE,
                    "-o",
                    locked.resolve("out").toString(),
                    "-q");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("--out " + locked.resolve("out") + ": cannot write here (permission denied)");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"train", "predict", "cluster", "run", "evaluate", "report", "publish", "generate", "help"})
    void helpPrintsNoWarnings(String command) {
        // picocli writes its warnings to System.err, not to the command line's writer
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LinkageCliTest.Result r;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            r = LinkageCliTest.run(command, "--help");
        } finally {
            System.setErr(saved);
        }
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: linkage " + command);
        assertThat(r.err()).isEmpty();
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
