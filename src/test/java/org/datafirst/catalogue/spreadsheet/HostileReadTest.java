package org.datafirst.catalogue.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datafirst.catalogue.problem.InvalidSpreadsheetException;
import org.datafirst.catalogue.problem.ProblemError;
import org.junit.jupiter.api.Test;

/** Reading stops at its deadline or when the client has gone, and cell text is parsed in linear time. */
class HostileReadTest {

    static byte[] workbook(String format) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Table", "Variable", "Type"));
        for (int i = 0; i < 3000; i++) {
            rows.add(List.of("t", "v" + i, "string"));
        }
        return Workbooks.of(format, Workbooks.sheets("Variables", rows));
    }

    static UploadGuard.Limits limits(Duration readTime) {
        return new UploadGuard.Limits(10_000_000, 100_000_000, 100, 50_000, 1_000_000, 32_767, readTime);
    }

    @Test
    void readingStopsAtTheDeadline() {
        for (String format : List.of("xlsx", "ods")) {
            InvalidSpreadsheetException error = catchThrowableOfType(
                    InvalidSpreadsheetException.class,
                    () -> WorkbookReader.read(workbook(format), "slow." + format, limits(Duration.ZERO), () -> false));
            assertThat(error).as(format).isNotNull();
            assertThat(error.errors()).extracting(ProblemError::location).containsExactly("slow." + format);
            assertThat(error.errors().get(0).message()).contains("took longer than 0 ms");
        }
    }

    @Test
    void readingStopsWhenTheClientHasGone() {
        for (String format : List.of("xlsx", "ods")) {
            InvalidSpreadsheetException error = catchThrowableOfType(
                    InvalidSpreadsheetException.class,
                    () -> WorkbookReader.read(
                            workbook(format), "gone." + format, limits(Duration.ofMinutes(1)), () -> true));
            assertThat(error).as(format).isNotNull();
            assertThat(error.errors().get(0).message()).contains("client went away");
        }
    }

    @Test
    void aWorkbookWithinItsLimitsIsRead() {
        for (String format : List.of("xlsx", "ods")) {
            SheetContent.Workbook read =
                    WorkbookReader.read(workbook(format), "fine." + format, limits(Duration.ofMinutes(1)), () -> false);
            assertThat(read.problems()).isEmpty();
            assertThat(read.sheet("Variables").orElseThrow().rows()).hasSizeGreaterThan(3000);
        }
    }

    @Test
    void aValuesCellWithLongRunsOfSpacesIsParsedInLinearTime() {
        // Quadratic before: 20,000 spaces took 3 s, the attacker's 80,000 characters 32 s.
        String values = "0 = No" + " ".repeat(32_000) + "/ 1 = Yes = maybe" + "\t".repeat(300) + "x";
        MojLayoutReader.Values parsed =
                assertTimeoutPreemptively(Duration.ofSeconds(2), () -> MojLayoutReader.parse(values, Map.of()));
        assertThat(parsed.codes()).extracting(c -> c.code()).containsExactly("0", "1");
    }
}
