#!/usr/bin/env bash
# Demonstration of linkage quality in the catalogue, on synthetic records only:
#   1. generates synthetic justice-like people and records (linkage generate, known truth),
#   2. links them with the linkage module (linkage run: person ids, cross-dataset links, quality report),
#   3. publishes the disclosure-controlled report to a running local catalogue with a curator token,
#      marked as made from synthetic records (the pages say so).
# Start the catalogue first (./run.sh), then: scripts/demo-linkage.sh
# Environment: CATALOGUE (default http://localhost:8080), DATASET (catalogue dataset the report is
# attached to, default cross-justice-linking), RECORDS (default 20000), TOKEN (a curator token; minted
# with the service jar in local mode when unset), OUT (default target/demo-linkage).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
catalogue="${CATALOGUE:-http://localhost:8080}"
dataset="${DATASET:-cross-justice-linking}"
records="${RECORDS:-20000}"
out="${OUT:-$root/target/demo-linkage}"
linkage="$root/linkage-module/bin/linkage"
examples="$root/linkage-module/src/main/resources/examples"

if ! curl -sf "$catalogue/q/health/ready" >/dev/null; then
  echo "No catalogue answers at $catalogue: start it with ./run.sh (or set CATALOGUE)." >&2
  exit 1
fi
if ! curl -sf "$catalogue/api/v1/datasets/$dataset" >/dev/null; then
  echo "The catalogue has no dataset '$dataset': set DATASET to one of its ids." >&2
  exit 1
fi
if [[ -z "${TOKEN:-}" ]]; then
  jar="$root/target/quarkus-app/quarkus-run.jar"
  [[ -f "$jar" ]] || { echo "No $jar: run ./run.sh once, or set TOKEN to a curator token." >&2; exit 1; }
  TOKEN="$(cd "$root" && java -jar "$jar" token --subject demo-linkage --role curator --hours 1)"
fi

mkdir -p "$out"
echo "1/3 generating $records synthetic records ..."
"$linkage" generate -n "$records" --seed 14 -o "$out/synthetic.csv"
echo "2/3 linking them ..."
"$linkage" run -s "$examples/synthetic.json" -i "$out/synthetic.csv" --truth-column person_id -o "$out/run"
echo "3/3 publishing the quality report to $catalogue (dataset $dataset) ..."
LINKAGE_CATALOGUE_TOKEN="$TOKEN" "$linkage" publish -r "$out/run/quality-report.json" \
  --catalogue "$catalogue" --dataset-id "$dataset" --synthetic-records
echo "Open $catalogue/datasets/$dataset#linkage-quality and $catalogue/linked-datasets"
