#!/usr/bin/env bash
# Measures what docs/benchmarks.md reports: start-up (first and restart), sequential latency of
# the lesson and course page (1,000 requests of one logged-in learner), and throughput of the
# course page with 50 concurrent logged-in learners (wrk, each request with one of 50 sessions).
# Everything runs on loopback and stops by itself. Usage: bash src/test/bench/run-benchmarks.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=src/test/bench
out=target/bench
port=${BENCH_PORT:-8090}
dbport=${BENCH_DB_PORT:-33199}
duration=${BENCH_DURATION:-30s}

for tool in wrk mariadb curl; do
  if ! command -v $tool >/dev/null; then
    pkg=$tool; [ $tool = mariadb ] && pkg=mariadb-client
    apt-get -o DPkg::Lock::Timeout=600 install -y -q $pkg >/dev/null
  fi
done
[ -f target/medborger-lms.jar ] || ./mvnw -B -q -ntp package -DskipTests

rm -rf "$out"; mkdir -p "$out"
app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
trap stop_app EXIT

# start_app LABEL: starts the jar on the benchmark data folder, prints seconds to first page.
start_app() {
  local t0 t1
  t0=$(date +%s.%N)
  MEDBORGER_DATA_DIR="$out/data" MEDBORGER_PORT=$port MEDBORGER_EMBEDDED_DB_PORT=$dbport \
    java -jar target/medborger-lms.jar >"$out/app-$1.log" 2>&1 &
  app_pid=$!
  until curl -s -o /dev/null -f "http://127.0.0.1:$port/login.xhtml"; do
    kill -0 "$app_pid" 2>/dev/null || { echo "app died, see $out/app-$1.log"; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  printf 'start-up %-10s %.1f s\n' "$1" "$(echo "$t1 - $t0" | bc)"
}

echo "== start-up (command to first page served)"
start_app first
stop_app
for i in 1 2 3; do start_app "restart$i"; [ $i = 3 ] || stop_app; done

echo "== benchmark data"
secret=$(cat "$out/data/embedded-db.secret")
ids=$(mariadb --no-defaults -h 127.0.0.1 -P $dbport -u medborger -p"$secret" medborger -N <"$bench/bench-data.sql" | tail -1)
course=$(echo "$ids" | awk '{print $1}'); lesson=$(echo "$ids" | awk '{print $2}')
echo "course $course (60 activities), lesson $lesson"

echo "== logging in 50 learners"
: >"$out/cookies.txt"
for i in $(seq -w 1 50); do
  jar="$out/jar-$i"
  page=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/login.xhtml")
  vs=$(echo "$page" | grep -o 'jakarta.faces.ViewState:0" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "jakarta.faces.ViewState=$vs" \
    -d "login=login&login:username=bench$i&login:password=medborger&login:submit=" \
    "http://127.0.0.1:$port/login.xhtml"
  awk '$6=="JSESSIONID"{print $7}' "$jar" >>"$out/cookies.txt"
done

pages=("learner/lesson.xhtml?id=$lesson" "learner/course.xhtml?id=$course" "learner/dashboard.xhtml")
echo "== warm-up: 20 s of 4 concurrent sessions on each page (the JIT compiles Faces for a while)"
for p in "${pages[@]}"; do
  COOKIES="$out/cookies.txt" wrk -t1 -c4 -d20s -s "$bench/sessions.lua" "http://127.0.0.1:$port/$p" >/dev/null
done
echo "== sequential latency: one learner, one connection, 1,000 requests per page"
head -1 "$out/cookies.txt" >"$out/one-cookie.txt"
for p in "${pages[@]}"; do
  echo "$p: $(MAX_REQUESTS=1000 COOKIES="$out/one-cookie.txt" wrk -t1 -c1 -d120s -s "$bench/sessions.lua" \
    "http://127.0.0.1:$port/$p" | grep -E 'non-200|latency p50' | tr -s ' ' | tr '\n' ' ')"
done
echo "== throughput: course page, 50 concurrent sessions, $duration"
COOKIES="$out/cookies.txt" wrk -t2 -c50 -d"$duration" --latency -s "$bench/sessions.lua" \
  "http://127.0.0.1:$port/learner/course.xhtml?id=$course"
echo "== memory (RSS)"
ps -o rss=,args= -C java | awk '/payara-micro/{printf "payara  %d MB\n", $1/1024}'
ps -o rss=,args= -C mariadbd | awk '{printf "mariadbd %d MB\n", $1/1024}'
