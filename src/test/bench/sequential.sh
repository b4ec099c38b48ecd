#!/usr/bin/env bash
# Exactly N sequential requests of one logged-in learner over one kept-alive connection (one curl
# process, so no process start-up is timed), and the median, p95 and p99 of their times. Every
# answer that is not 200 is counted.
#   bash src/test/bench/sequential.sh URL JSESSIONID [N=1000]
set -euo pipefail
url=$1; session=$2; n=${3:-1000}
config=$(mktemp)
trap 'rm -f "$config"' EXIT
for _ in $(seq 1 "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done >"$config"
curl -s -K "$config" -H "Cookie: JSESSIONID=$session" -w '%{http_code} %{time_total}\n' |
  sort -k2 -g | awk '
    $1 != 200 { bad++ }
    { t[NR] = $2 * 1000 }
    END {
      printf "%d requests, non-200 %d, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms\n",
        NR, bad + 0, t[int(NR * 0.50)], t[int(NR * 0.95)], t[int(NR * 0.99)]
    }'
