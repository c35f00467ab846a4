#!/usr/bin/env bash
# Synthetic data benchmark (issue 18): 25,000 rows of every table of every dataset (one zip of CSV +
# Parquet + README per dataset), the widest table as CSV at 25,000 rows warm (bar: < 1 s), and the
# widest table at 25k / 100k / 1M rows as CSV and Parquet with the peak heap of each, in one JVM with a
# small heap: streamed generation must not grow with rows. Then DuckDB and Python's csv module read the
# files written.
#   bench/synthetic.sh                     # 25,000 rows, 1,000,000 for the widest table, -Xmx64m
#   ROWS=10000 BIG_ROWS=200000 HEAP=128m bench/synthetic.sh
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT_DIR"
ROWS="${ROWS:-25000}"
BIG_ROWS="${BIG_ROWS:-1000000}"
HEAP="${HEAP:-64m}"
OUT="target/bench/synthetic"

./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
mkdir -p "$OUT"
TIMER=()
if [ -x /usr/bin/time ]; then
    TIMER=(/usr/bin/time -f "peak resident memory of the JVM: %M KB")
fi
echo "== heap limit ${HEAP}"
"${TIMER[@]}" java -Xmx"$HEAP" -Djava.io.tmpdir=target -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.datafirst.catalogue.synthetic.SyntheticBench "$ROWS" "$BIG_ROWS" "$OUT"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every figure)"

echo "== the probation zip read back: Python's csv module, and DuckDB (JDBC) for Parquet"
rm -rf "$OUT/probation" && mkdir -p "$OUT/probation"
python3 - "$OUT/probation.zip" "$OUT/probation" <<'PY'
import csv, io, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    z.extractall(sys.argv[2])
    for name in z.namelist():
        if name.endswith(".csv"):
            rows = list(csv.reader(io.TextIOWrapper(z.open(name), encoding="utf-8", newline="")))
            print(f"csv     {name:32} {len(rows) - 1:>8,} rows x {len(rows[0])} columns")
PY
cat > target/ReadParquet.java <<'JAVA'
import java.sql.*;
public class ReadParquet {
    public static void main(String[] a) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String f : a) {
                try (ResultSet r = s.executeQuery("SELECT count(*), (SELECT count(*) FROM parquet_schema('" + f
                        + "')) - 1 FROM read_parquet('" + f + "')")) {
                    r.next();
                    System.out.printf("parquet %-32s %,8d rows x %d columns%n", f.replaceAll(".*/", ""), r.getLong(1), r.getLong(2));
                }
            }
        }
    }
}
JAVA
java -Djava.io.tmpdir=target -cp "$(cat target/bench-classpath.txt)" target/ReadParquet.java "$OUT"/probation/*.parquet
