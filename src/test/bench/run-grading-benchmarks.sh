#!/usr/bin/env bash
# The grading benchmark (docs/benchmarks.md, "Grading (issue 9)"): starts the jar on its own data
# folder and ports, generates BENCH_GRADING_SUBMISSIONS (5,000) reflections waiting in the
# instructor's queue (grading-data.sql), then, warm, measures
#   1. the queue page (all courses, first page of 50) and a deep page, N sequential requests each,
#   2. the next-submission step on the grading page: the ajax post of "Næste", N in a row through
#      the queue, each answered with the next submission's form,
#   3. the ZIP of one assignment's submissions and its grades as CSV, time and size.
# Everything runs on loopback and stops by itself, also on failure.
#   bash src/test/bench/run-grading-benchmarks.sh
# Settings: BENCH_GRADING_SUBMISSIONS (5000), BENCH_GRADING_N (200), BENCH_GRADING_PORT (8093),
# BENCH_GRADING_DB_PORT (33193), BENCH_LOCK (/tmp/medborger-maven.lock; empty for none).
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=src/test/bench
out=target/bench-grading
submissions=${BENCH_GRADING_SUBMISSIONS:-5000}
n=${BENCH_GRADING_N:-200}
port=${BENCH_GRADING_PORT:-8093}
dbport=${BENCH_GRADING_DB_PORT:-33193}
lock=${BENCH_LOCK-/tmp/medborger-maven.lock}
base="http://127.0.0.1:$port"

if [ -n "$lock" ]; then
  held=0
  for fd in /proc/$$/fd/*; do [ "$(readlink "$fd")" = "$lock" ] && held=1; done
  if [ $held = 0 ]; then
    exec 9>>"$lock"
    flock -n 9 || { echo "waiting for $lock ..."; flock 9; }
  fi
fi
for tool in mariadb curl java; do
  command -v $tool >/dev/null || { echo "$tool is missing"; exit 1; }
done
if [ ! -f target/medborger-lms.jar ]; then
  ./mvnw -B -q -ntp -o package -DskipTests || ./mvnw -B -q -ntp package -DskipTests
fi

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
payara=$(pgrep -f "launch-micro.jar.*--port $port" | head -1 || true)
secret=$(cat "$out/data/embedded-db.secret")
db() { mariadb --no-defaults -h 127.0.0.1 -P "$dbport" -u medborger -p"$secret" medborger "$@"; }

echo "== data: $submissions reflections waiting (grading-data.sql)"
t0=$(date +%s.%N)
made=$({ echo "SET @submissions = $submissions;"; cat "$bench/grading-data.sql"; } | db -N | tail -1)
generated=$(echo "$(date +%s.%N) - $t0" | bc)
waiting=$(db -N -e "SELECT COUNT(*) FROM submission WHERE status IN ('SUBMITTED', 'IN_GRADING')")
printf 'made %s submissions in %.1f s; %s waiting in the queue in all\n' "$made" "$generated" "$waiting"

echo "== the instructor logs in (the login form)"
jar="$out/cookies"
page=$(curl -s -c "$jar" -b "$jar" "$base/login.xhtml")
view=$(printf '%s' "$page" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" -H "Origin: $base" -H 'Sec-Fetch-Site: same-origin' \
  --data-urlencode "login=login" --data-urlencode "login:username=instructor" \
  --data-urlencode "login:password=medborger" --data-urlencode "login:submit=" \
  --data-urlencode "jakarta.faces.ViewState=$view" "$base/login.xhtml"
session=$(awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1)
[ -n "$session" ] || { echo "login failed"; exit 1; }

# timed URL N: N sequential GETs over one kept-alive connection; p50/p95/p99.
timed() {
  local url=$1 count=$2 config
  config=$(mktemp)
  for _ in $(seq 1 "$count"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url"; done >"$config"
  curl -s -K "$config" -H "Cookie: JSESSIONID=$session" -w '%{http_code} %{time_total}\n' | stats
  rm -f "$config"
}
# stats: "code seconds" lines in, one line of figures out.
stats() {
  sort -k2 -g | awk '
    $1 != 200 { bad++ }
    { t[NR] = $2 * 1000 }
    END { printf "%d requests, non-200 %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n", NR, bad + 0, t[int(NR * 0.5)], t[int(NR * 0.95)], t[int(NR * 0.99)] }'
}

queue_url="$base/instructor/queue.xhtml"
curl -s -o "$out/queue.html" -b "JSESSIONID=$session" "$queue_url"
grep -q 'id="queue-count">[0-9]* ' "$out/queue.html" || { echo "no queue on the page"; exit 1; }
echo "queue page: $(grep -o 'id="queue-count">[0-9]*' "$out/queue.html" | sed 's/.*>//') waiting, $(grep -c 'class="queue-row' "$out/queue.html") rows shown, $(stat -c %s "$out/queue.html") bytes"
pages=$(grep -o 'Side 1 af [0-9]*' "$out/queue.html" | sed 's/.* //')
deep_url="$queue_url?page=$((pages * 4 / 5))"

echo "== warm-up (queue pages, 300 requests each)"
timed "$queue_url" 300 >/dev/null
timed "$deep_url" 300 >/dev/null
echo "== 1. queue page, first of $pages pages, $n sequential"
queue_t=$(timed "$queue_url" "$n"); echo "$queue_t"
echo "== 1. queue page $((pages * 4 / 5)) of $pages, $n sequential"
deep_t=$(timed "$deep_url" "$n"); echo "$deep_t"

# step COUNT: opens the first submission of the queue, then posts "next" COUNT times in a row,
# as the browser's ajax does; prints "code seconds" per step.
steps() {
  local count=$1 first page view
  first=$(grep -o 'submission\.xhtml?id=[0-9]*' "$out/queue.html" | head -1 | sed 's/.*=//')
  page=$(curl -s -b "JSESSIONID=$session" "$base/instructor/submission.xhtml?id=$first")
  view=$(printf '%s' "$page" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/' | head -1)
  [ -n "$view" ] || { echo "no grading page for $first" >&2; return 1; }
  for _ in $(seq 1 "$count"); do
    curl -s -o "$out/step.xml" -b "JSESSIONID=$session" -H "Origin: $base" -H 'Sec-Fetch-Site: same-origin' \
      -H 'Faces-Request: partial/ajax' -w '%{http_code} %{time_total}\n' \
      --data-urlencode "gradingForm=gradingForm" --data-urlencode "gradingForm:feedback=" \
      --data-urlencode "jakarta.faces.ViewState=$view" \
      --data-urlencode "jakarta.faces.source=gradingForm:next" \
      --data-urlencode "jakarta.faces.partial.event=click" \
      --data-urlencode "jakarta.faces.partial.execute=gradingForm:next" \
      --data-urlencode "jakarta.faces.partial.render=gradingForm" \
      --data-urlencode "jakarta.faces.behavior.event=action" \
      --data-urlencode "jakarta.faces.partial.ajax=true" "$base/instructor/submission.xhtml"
  done
}
steps 1 >/dev/null
grep -q 'grading-heading' "$out/step.xml" || { echo "the step did not answer the next submission"; head -c 600 "$out/step.xml"; exit 1; }
position_after=$(grep -o 'id="queue-position">[^<]*' "$out/step.xml" | sed 's/.*>//')
echo "== warm-up (300 next steps)"
steps 300 | stats >/dev/null
echo "== 2. next-submission step (ajax post of Næste), $n in a row"
questions() { db -N -e "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{print $2}'; }
q0=$(questions)
step_t=$(steps "$n" | stats); echo "$step_t"
per_step=$(( ($(questions) - q0 - 1) / n ))
echo "SQL statements per step (MariaDB's Questions counter): $per_step"
q0=$(questions)
timed "$queue_url" 10 >/dev/null
per_page=$(( ($(questions) - q0 - 1) / 10 ))
echo "SQL statements per queue page: $per_page"
position_end=$(grep -o 'id="queue-position">[^<]*' "$out/step.xml" | sed 's/.*>//')
echo "position after the first step: $position_after; after the last: $position_end"
bytes_step=$(stat -c %s "$out/step.xml")

echo "== 3. exports of one assignment"
assignment=$(db -N -e "SELECT a.activity_id FROM assignment a JOIN activity x ON x.id = a.activity_id JOIN course_module m ON m.id = x.module_id JOIN course c ON c.id = m.course_id WHERE c.slug = 'digitalt-medborgerskab' ORDER BY m.position LIMIT 1")
in_it=$(db -N -e "SELECT COUNT(*) FROM submission WHERE assignment_id = $assignment AND versions > 0")
export_run() {
  curl -s -o /dev/null -b "JSESSIONID=$session" "$1" # warm
  curl -s -o "$out/$2" -b "JSESSIONID=$session" -w "$2: HTTP %{http_code}, %{time_total} s, %{size_download} bytes\n" "$1"
}
zip_t=$(export_run "$base/instructor/submissions.zip?assignment=$assignment" submissions.zip); echo "$zip_t"
csv_t=$(export_run "$base/instructor/grades.csv?assignment=$assignment" grades.csv); echo "$csv_t"
echo "entries in the ZIP: $(unzip -l "$out/submissions.zip" | tail -1 | awk '{print $2}'), lines in the CSV: $(wc -l <"$out/grades.csv")"

cat <<SUMMARY

== summary ($(date '+%Y-%m-%d %H:%M'), Python loop $yardstick s; $made submissions generated in $(printf '%.1f' "$generated") s, $waiting waiting)

| what | measured | goal (Moodle 4.5.6 here) |
|---|---|---|
| 1. queue page, first 50 of $waiting, warm ($per_page SQL statements) | $(echo "$queue_t" | sed -E 's/.*(p50.*)/\1/') | p95 < 100 ms (grading table of 100: p95 0.66–1.02 s) |
| 1. queue page $((pages * 4 / 5)) of $pages | $(echo "$deep_t" | sed -E 's/.*(p50.*)/\1/') | p95 < 100 ms |
| 2. next-submission step (ajax, $bytes_step bytes, $per_step SQL statements) | $(echo "$step_t" | sed -E 's/.*(p50.*)/\1/') | p95 ≤ 5 ms (grader, one submission: p95 48–50 ms) |
| 3. ZIP of one assignment ($in_it submissions) | $(echo "$zip_t" | sed -E 's/^[^:]*: //') | streamed |
| 3. CSV of its grades | $(echo "$csv_t" | sed -E 's/^[^:]*: //') | — |
SUMMARY
