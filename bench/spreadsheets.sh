#!/usr/bin/env bash
# Spreadsheet benchmark (issue 3, BRIEF §7 "XLSX export, 10k variables < 1 s").
# Export and import times of a generated 10,000-variable dataset in XLSX and ODS, and the peak heap,
# in one JVM with a bounded heap; then LibreOffice opens real exported workbooks (converted to PDF).
#   bench/spreadsheets.sh              # 10,000 variables, -Xmx256m
#   VARIABLES=50000 HEAP=1g bench/spreadsheets.sh
set -euo pipefail
ROOT_DIR="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT_DIR"
VARIABLES="${VARIABLES:-10000}"
HEAP="${HEAP:-256m}"
OUT="target/bench"

./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt > /dev/null
mkdir -p "$OUT"
echo "== ${VARIABLES} variables, heap limit ${HEAP}"
TIMER=()
if [ -x /usr/bin/time ]; then
    TIMER=(/usr/bin/time -f "peak resident memory of the JVM: %M KB")
fi
"${TIMER[@]}" java -Xmx"$HEAP" -Djava.io.tmpdir=target -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.datafirst.catalogue.spreadsheet.SpreadsheetBench "$VARIABLES" "$OUT"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows every figure)"

echo "== LibreOffice opens the exported workbooks"
if ! command -v libreoffice > /dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
        echo "installing LibreOffice Calc (Debian package libreoffice-calc-nogui)…"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui > /dev/null
    else
        echo "LibreOffice is not installed (apt-get install libreoffice-calc-nogui); skipping the check" >&2
        exit 0
    fi
fi
profile="$(mktemp -d /tmp/lo-profile.XXXXXX)"
trap 'rm -rf "$profile"' EXIT
for file in "$OUT/probation.xlsx" "$OUT/probation.ods"; do
    rm -f "${file%.*}.pdf"
    start=$(date +%s.%N)
    libreoffice -env:UserInstallation=file://"$profile" --headless --convert-to pdf --outdir "$OUT" "$file" > /dev/null 2>&1
    pdf="$OUT/$(basename "${file%.*}").pdf"
    if [ -s "$pdf" ]; then
        printf '%-22s → PDF %6d bytes in %.1f s: OK\n' "$(basename "$file")" "$(stat -c %s "$pdf")" \
            "$(echo "$(date +%s.%N) - $start" | bc)"
        mv "$pdf" "$OUT/$(basename "$file").pdf"
    else
        echo "LibreOffice could not convert $file" >&2
        exit 1
    fi
done
