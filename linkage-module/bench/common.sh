# Shared by the benchmark scripts: paths and the CLI launcher.
# LINKAGE_REFDATA overrides where the reference data are (default: ../shared/refdata beside the clone).
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE_DIR="$(dirname "$BENCH_DIR")"
REPO_DIR="$(dirname "$MODULE_DIR")"
REFDATA="${LINKAGE_REFDATA:-$REPO_DIR/../shared/refdata}"
EXAMPLES="$MODULE_DIR/src/main/resources/examples"
OUT="${LINKAGE_BENCH_OUT:-$MODULE_DIR/target/bench}"
LINKAGE="$MODULE_DIR/bin/linkage"
THREADS="${LINKAGE_THREADS:-2}"
MEMORY="${LINKAGE_MEMORY_LIMIT:-8GB}"
mkdir -p "$OUT"

need_refdata() {
  for f in "$@"; do
    if [[ ! -f "$REFDATA/$f" ]]; then
      echo "missing $REFDATA/$f - set LINKAGE_REFDATA to the folder holding febrl/ and splink/" >&2
      exit 2
    fi
  done
}

# Prints wall-clock seconds and peak resident memory of a command (the JVM with DuckDB inside it).
timed() {
  /usr/bin/time -f "wall %e s, peak memory (max RSS) %M KiB" "$@"
}
