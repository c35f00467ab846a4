package org.datafirst.linkage.sql;

/** DuckDB function names. */
class DuckDbDialect implements Dialect {

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public String jaroWinkler(String left, String right) {
        return "jaro_winkler_similarity(" + left + ", " + right + ")";
    }

    @Override
    public String jaro(String left, String right) {
        return "jaro_similarity(" + left + ", " + right + ")";
    }

    @Override
    public String levenshtein(String left, String right) {
        return "levenshtein(" + left + ", " + right + ")";
    }

    @Override
    public String damerauLevenshtein(String left, String right) {
        return "damerau_levenshtein(" + left + ", " + right + ")";
    }

    @Override
    public String dateDiff(String unit, String left, String right) {
        return "date_diff(" + Sql.string(unit) + ", " + left + ", " + right + ")";
    }

    @Override
    public String tryParseDate(String expression, String format) {
        if (format == null) {
            return "TRY_CAST(" + expression + " AS DATE)";
        }
        return "CAST(try_strptime(" + expression + ", " + Sql.string(format) + ") AS DATE)";
    }

    @Override
    public String textType() {
        return "VARCHAR";
    }

    @Override
    public String fileRowNumber() {
        return "rowid";
    }

    @Override
    public String parquetFile(String path) {
        return "read_parquet(" + Sql.string(path) + ")";
    }

    @Override
    public String integerDivide(String left, String right) {
        return "((" + left + ") // (" + right + "))";
    }

    @Override
    public String hashBucket(String expression, long seed) {
        return "(hash(" + expression + ", " + seed + ") % 4294967296)";
    }

    @Override
    public String sha256(String expression) {
        return "sha256(" + expression + ")";
    }
}
