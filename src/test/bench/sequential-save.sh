#!/usr/bin/env bash
# Exactly N sequential answer saves of one learner over one kept-alive connection (one curl
# process, as sequential.sh does for pages): POST the same JSON body N times to the save API with
# the learner's session and the same-origin header, and print the median, p95 and p99 of their
# times. Every answer that is not 200 is counted. The body carries the row version the page showed,
# so from the second save on the server answers "otherTabSaved": true; it saves all the same.
#   bash src/test/bench/sequential-save.sh URL JSESSIONID BODY_FILE [N=1000]
set -euo pipefail
url=$1; session=$2; body=$3; n=${4:-1000}
config=$(mktemp)
trap 'rm -f "$config"' EXIT
for _ in $(seq 1 "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done >"$config"
curl -s -K "$config" -H "Cookie: JSESSIONID=$session" -H 'Content-Type: application/json' \
  -H 'Sec-Fetch-Site: same-origin' --data-binary "@$body" -w '%{http_code} %{time_total}\n' |
  sort -k2 -g | awk '
    $1 != 200 { bad++ }
    { t[NR] = $2 * 1000 }
    END {
      printf "%d requests, non-200 %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
        NR, bad + 0, t[int(NR * 0.50)], t[int(NR * 0.95)], t[int(NR * 0.99)]
    }'
