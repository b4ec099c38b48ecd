#!/usr/bin/env bash
# The report benchmark (docs/benchmarks.md, "Reports (issue 10)"): starts the jar on its own data
# folder and ports, generates BENCH_REPORT_LEARNERS learners (20,000) with their enrolments and
# progress in SQL (report-data.sql), then, warm, measures
#   1. the report page of HR (all municipalities, first page of people), N sequential requests,
#   2. the report API with a token, N sequential requests,
#   3. the bare SQL aggregate of the same figures on the same MariaDB (ReportSqlBench.java),
#   4. the XLSX export of every row, its time and the Payara JVM's heap during it, against an
#      export of one municipality (heap must not grow with the rows).
# Everything runs on loopback and stops by itself, also on failure.
#   bash src/test/bench/run-report-benchmarks.sh
# Settings: BENCH_REPORT_LEARNERS (20000), BENCH_REPORT_N (200), BENCH_REPORT_PORT (8092),
# BENCH_REPORT_DB_PORT (33192), BENCH_LOCK (/tmp/medborger-maven.lock; empty for none).
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=src/test/bench
out=target/bench-report
learners=${BENCH_REPORT_LEARNERS:-20000}
n=${BENCH_REPORT_N:-200}
port=${BENCH_REPORT_PORT:-8092}
dbport=${BENCH_REPORT_DB_PORT:-33192}
lock=${BENCH_LOCK-/tmp/medborger-maven.lock}
base="http://127.0.0.1:$port"
token=mbr_demo-skanderborg-hr-system-2026

if [ -n "$lock" ]; then
  held=0
  for fd in /proc/$$/fd/*; do [ "$(readlink "$fd")" = "$lock" ] && held=1; done
  if [ $held = 0 ]; then
    exec 9>>"$lock"
    flock -n 9 || { echo "waiting for $lock ..."; flock 9; }
  fi
fi
for tool in mariadb curl java jcmd jstat; do
  command -v $tool >/dev/null || { echo "$tool is missing"; exit 1; }
done
if [ ! -f target/medborger-lms.jar ]; then
  ./mvnw -B -q -ntp -o package -DskipTests || ./mvnw -B -q -ntp package -DskipTests
fi
driver=$(ls ~/.m2/repository/org/mariadb/jdbc/mariadb-java-client/*/mariadb-java-client-*.jar | grep -v sources | tail -1)

rm -rf "$out"; mkdir -p "$out"
app_pid=""; payara=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid"
    for _ in $(seq 1 300); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$app_pid" 2>/dev/null && kill -KILL "$app_pid"
  fi
  if [ -n "$payara" ] && kill -0 "$payara" 2>/dev/null; then kill -KILL "$payara"; fi
  local db
  db=$(cat "$out/data/mariadbd.pid" 2>/dev/null || true)
  if [ -n "$db" ] && [ "$(cat /proc/"$db"/comm 2>/dev/null)" = mariadbd ]; then kill -TERM "$db"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

yardstick=$(python3 -c 'import time; t = time.time(); sum(i * i for i in range(10**7)); print(round(time.time() - t, 2))')
echo "== machine speed: $yardstick s for a fixed Python loop (quiet: ~0.7 s); $(date '+%Y-%m-%d %H:%M'), $(git log -1 --format=%h 2>/dev/null || echo '?')"

echo "== start-up (fresh data folder $out/data, port $port)"
MEDBORGER_DATA_DIR="$out/data" MEDBORGER_PORT=$port MEDBORGER_EMBEDDED_DB_PORT=$dbport \
  java -jar target/medborger-lms.jar >"$out/app.log" 2>&1 &
app_pid=$!
until curl -s -o /dev/null -f "$base/login.xhtml"; do
  kill -0 "$app_pid" 2>/dev/null || { echo "app died, see $out/app.log"; exit 1; }
  sleep 0.2
done
payara=$(pgrep -f "launch-micro.jar.*--port $port" | head -1)
secret=$(cat "$out/data/embedded-db.secret")
db() { mariadb --no-defaults -h 127.0.0.1 -P "$dbport" -u medborger -p"$secret" medborger "$@"; }

echo "== data: $learners learners in 20 municipalities of 5 units (report-data.sql)"
t0=$(date +%s.%N)
made=$({ echo "SET @learners = $learners;"; cat "$bench/report-data.sql"; } | db -N | tail -1)
generated=$(echo "$(date +%s.%N) - $t0" | bc)
read -r g_learners g_enrolments g_rows <<<"$made"
printf 'made %s learners, %s enrolments, %s progress rows in %.1f s\n' "$g_learners" "$g_enrolments" "$g_rows" "$generated"
course=$(db -N -e "SELECT id FROM course WHERE slug = 'digitalt-medborgerskab'")
enrolled=$(db -N -e "SELECT COUNT(*) FROM enrolment WHERE course_id = $course")

echo "== HR logs in (the login form)"
jar="$out/cookies"
page=$(curl -s -c "$jar" -b "$jar" "$base/login.xhtml")
view=$(printf '%s' "$page" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "login=login" --data-urlencode "login:username=hr" \
  --data-urlencode "login:password=medborger" --data-urlencode "login:submit=" \
  --data-urlencode "jakarta.faces.ViewState=$view" "$base/login.xhtml"
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)
[ -n "$session" ] || { echo "login failed"; exit 1; }

# timed URL N [HEADER]: N sequential requests over one kept-alive connection; p50/p95/p99.
timed() {
  local url=$1 count=$2 header=${3:-"Cookie: JSESSIONID=$session"} config
  config=$(mktemp)
  for _ in $(seq 1 "$count"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done >"$config"
  curl -s -K "$config" -H "$header" -w '%{http_code} %{time_total}\n' | sort -k2 -g | awk '
    $1 != 200 { bad++ }
    { t[NR] = $2 * 1000 }
    END { printf "%d requests, non-200 %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n", NR, bad + 0, t[int(NR * 0.5)], t[int(NR * 0.95)], t[int(NR * 0.99)] }'
  rm -f "$config"
}
pick() { echo "$1" | sed -E "s/.*$2 ([0-9.]+) ms.*/\1/"; }

report_url="$base/hr/index.xhtml?course=$course"
api_url="$base/api/v1/reports/completion?course=$course&size=100"
code=$(curl -s -o "$out/report.html" -w '%{http_code}' -b "JSESSIONID=$session" "$report_url")
[ "$code" = 200 ] || { echo "report page answered $code"; exit 1; }
grep -q 'Benchkommune 01' "$out/report.html" || { echo "the report does not show the generated data"; exit 1; }

echo "== warm-up (page and API, 300 requests each)"
timed "$report_url" 300 >/dev/null
timed "$api_url" 300 "Authorization: Bearer $token" >/dev/null

echo "== 1. report page, $n sequential"
page_t=$(timed "$report_url" "$n"); echo "$page_t"
echo "== 2. report API (token of hr.skanderborg: one municipality), $n sequential"
api_t=$(timed "$api_url" "$n" "Authorization: Bearer $token"); echo "$api_t"
# The API with a scope of everything: a token for hr, made in the database like the demo's.
everyone_token=mbr_bench-everyone-token-0000000000
hash=$(printf '%s' "$everyone_token" | sha256sum | cut -d' ' -f1)
db -e "INSERT INTO api_token (user_id, name, token_hash, prefix, created_at, expires_at)
  SELECT id, 'bench', '$hash', 'mbr_bench-ev', NOW(3), NOW(3) + INTERVAL 1 DAY FROM app_user WHERE username = 'hr'"
timed "$api_url" 100 "Authorization: Bearer $everyone_token" >/dev/null
api_all=$(timed "$api_url" "$n" "Authorization: Bearer $everyone_token"); echo "   scope everyone: $api_all"
echo "== 3. bare SQL aggregate of the same figures (per municipality), $n runs"
sql_t=$(java -cp "$driver" "$bench/ReportSqlBench.java" "jdbc:mariadb://127.0.0.1:$dbport/medborger" medborger "$secret" "$course" "$n")
echo "$sql_t"

echo "== 4. XLSX export: every row ($enrolled) and one municipality"
heap_used() { jstat -gc "$payara" | awk 'NR == 2 { printf "%d", ($3 + $4 + $6 + $8) / 1024 }'; }
# export URL NAME: the time of one download and the highest heap use sampled every 50 ms.
export_run() {
  jcmd "$payara" GC.run >/dev/null
  local before; before=$(heap_used)
  local sampler
  ( peak=0; while true; do h=$(heap_used); [ "$h" -gt "$peak" ] && peak=$h && echo "$peak" >"$out/peak-$2"; sleep 0.05; done ) &
  sampler=$!
  local t0; t0=$(date +%s.%N)
  code=$(curl -s -o "$out/$2.xlsx" -w '%{http_code}' -b "JSESSIONID=$session" "$1")
  local took; took=$(echo "$(date +%s.%N) - $t0" | bc)
  kill $sampler 2>/dev/null || true; wait $sampler 2>/dev/null || true
  printf '%s: HTTP %s, %.2f s, %s bytes, heap after GC %s MB, peak %s MB\n' "$2" "$code" "$took" \
    "$(stat -c %s "$out/$2.xlsx")" "$before" "$(cat "$out/peak-$2" 2>/dev/null || echo '?')"
}
one=$(db -N -e "SELECT id FROM municipality WHERE name = 'Benchkommune 01'")
export_run "$base/hr/report.xlsx?course=$course&municipality=$one" one-municipality >/dev/null # warm
small=$(export_run "$base/hr/report.xlsx?course=$course&municipality=$one" one-municipality); echo "$small"
export_run "$base/hr/report.xlsx?course=$course" all >/dev/null # warm
big=$(export_run "$base/hr/report.xlsx?course=$course" all); echo "$big"
rows_in_xlsx=$(unzip -p "$out/all.xlsx" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l)
echo "rows in the workbook (with the heading): $rows_in_xlsx"

p95_page=$(pick "$page_t" p95); p95_api=$(pick "$api_all" p95); p95_sql=$(pick "$sql_t" p95)
ratio_page=$(echo "scale=1; $p95_page / $p95_sql" | bc); ratio_api=$(echo "scale=1; $p95_api / $p95_sql" | bc)
secs_big=$(echo "$big" | sed -E 's/.*, ([0-9.]+) s,.*/\1/')
cat <<SUMMARY

== summary ($(date '+%Y-%m-%d %H:%M'), Python loop $yardstick s; $g_learners learners, $enrolled enrolments, $g_rows progress rows generated in $(printf '%.1f' "$generated") s)

| what | measured | goal |
|---|---|---|
| data generator: $g_learners learners, $g_rows progress rows | $(printf '%.1f' "$generated") s | < 2 min |
| 1. report page (all municipalities, first 25 people), warm | $(echo "$page_t" | sed -E 's/.*(p50.*)/\1/') | p95 < 1 s |
| 2. report API, scope everyone, 100 people a page | $(echo "$api_all" | sed -E 's/.*(p50.*)/\1/') | p95 < 1 s |
| 2. report API, scope one municipality (demo token) | $(echo "$api_t" | sed -E 's/.*(p50.*)/\1/') | — |
| 3. bare SQL aggregate, same figures, same MariaDB | $(echo "$sql_t" | sed -E 's/.*(p50.*)/\1/') | — |
| page / SQL, API / SQL (p95) | ${ratio_page}× / ${ratio_api}× | ≤ 3× |
| 4. XLSX, every row ($((rows_in_xlsx - 1)) people) | $big | < 10 s, heap flat |
| 4. XLSX, one municipality | $small | — |
SUMMARY
