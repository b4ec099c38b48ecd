#!/usr/bin/env bash
# Hostile traffic (issue 7, docs/benchmarks.md): while one logged-in learner reads lesson pages
# one after another, (1) an anonymous flood of protected pages with long query strings, 50
# connections for 60 s; (2) a wrong-password flood of one user name, 100 connections for 30 s;
# (3) the same with made-up user names and random X-Forwarded-For addresses, so that only the
# bounded password checks stand in its way. Reports the heap after a full GC before and after the
# anonymous flood, the flood's answers, and the learner's answers (non-200, 5xx) and latencies.
# Loopback only; every phase stops by itself.
# Usage: [BENCH_LOCK=/tmp/x.lock] bash src/test/bench/run-hostile-benchmarks.sh [JAR=target/medborger-lms.jar]
set -euo pipefail
cd "$(dirname "$0")/../../.."
bench=src/test/bench
jar=$(realpath "${1:-target/medborger-lms.jar}")
out=target/bench-hostile
port=${BENCH_PORT:-8091}
base="http://127.0.0.1:$port"
anon_duration=${BENCH_ANON_DURATION:-60}
login_duration=${BENCH_LOGIN_DURATION:-30}

command -v wrk >/dev/null || apt-get -o DPkg::Lock::Timeout=600 install -y -q wrk >/dev/null
rm -rf "$out"; mkdir -p "$out"
app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
}
trap stop_app EXIT

# The benchmark believes X-Forwarded-For (phase 3); code without that setting ignores it.
MEDBORGER_DATA_DIR="$out/data" MEDBORGER_PORT=$port MEDBORGER_FORWARDED_HEADERS=true \
  java -jar "$jar" >"$out/app.log" 2>&1 &
app_pid=$!
until curl -s -o /dev/null -f "$base/login.xhtml"; do
  kill -0 "$app_pid" 2>/dev/null || { echo "app died, see $out/app.log"; exit 1; }
  sleep 0.5
done
payara=$(pgrep -f -- "--port $port --prebootcommandfile" | head -1)
echo "== ${BENCH_LABEL:-$(git log -1 --format=%h)}: $jar; Payara pid $payara"
echo "== machine speed: $(python3 -c 'import time; t = time.time(); sum(i * i for i in range(10**7)); print(round(time.time() - t, 2))') s for a fixed Python loop (quiet: ~0.7 s)"

# The learner: logged in through the form (retrying while the password checks are busy).
jar_file="$out/learner.cookies"
vs=$(curl -s -c "$jar_file" -b "$jar_file" "$base/login.xhtml" | grep -o 'jakarta.faces.ViewState:0" value="[^"]*"' | sed 's/.*value="//; s/"$//')
until [ "$(curl -s -o /dev/null -w '%{http_code}' -c "$jar_file" -b "$jar_file" -H "Origin: $base" \
    --data-urlencode "jakarta.faces.ViewState=$vs" \
    -d "login=login&login:username=learner&login:password=medborger&login:submit=" \
    "$base/login.xhtml")" = 302 ]; do sleep 0.3; done
course=$(curl -s -b "$jar_file" "$base/learner/dashboard.xhtml" | grep -o 'course.xhtml?id=[0-9]*' | head -1 | cut -d= -f2)
lesson=$(curl -s -b "$jar_file" "$base/learner/course.xhtml?id=$course" | grep -o 'lesson.xhtml?id=[0-9]*' | head -1 | cut -d= -f2)
page="$base/learner/lesson.xhtml?id=$lesson"
echo "learner reads $page"

# learner SECONDS FILE: sequential lesson page views for SECONDS, "status seconds" a line.
learner() {
  local end=$((SECONDS + $1))
  while [ $SECONDS -lt "$end" ]; do
    curl -s -b "$jar_file" -o /dev/null -m 30 -w '%{http_code} %{time_total}\n' "$page" || echo "000 30"
  done >"$2"
}
summary() {
  sort -k2 -g "$1" | awk '
    $1 != 200 { bad++ } $1 >= 500 || $1 == "000" { err++ }
    { t[NR] = $2 * 1000 }
    END { printf "learner: %d pages, non-200 %d, 5xx/failed %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
      NR, bad + 0, err + 0, t[int(NR * 0.50) + 1], t[int(NR * 0.99) + 1], t[NR] }'
}
# Heap in use right after a full collection (MB).
heap() {
  jcmd "$payara" GC.run >/dev/null
  sleep 1
  jstat -gc "$payara" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }'
}

# BENCH_LOCK=FILE: measure while holding that lock (flock), so that no build on the machine runs
# meanwhile; start-up and log-in happen before it is taken.
if [ -n "${BENCH_LOCK:-}" ]; then
  exec 9>"$BENCH_LOCK"
  flock 9
fi
learner 10 "$out/warmup.txt"
echo "== quiet: $(learner 15 "$out/quiet.txt"; summary "$out/quiet.txt")"

long=$(head -c 3000 /dev/zero | tr '\0' 'x')
before=$(heap)
echo "== 1. anonymous flood: 50 connections, ${anon_duration} s, GET /learner/course.xhtml?id=1&q=<3,000 characters>"
learner "$anon_duration" "$out/anon-learner.txt" &
learner_pid=$!
wrk -t2 -c50 -d"${anon_duration}s" -s "$bench/hostile-anonymous.lua" "$base/learner/course.xhtml?id=1&q=$long" | grep -E "flood:|Latency"
wait "$learner_pid"
after=$(heap)
summary "$out/anon-learner.txt"
echo "heap after a full GC: before ${before} MB, after ${after} MB ($((after - before)) MB); ready: $(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")"

echo "== 2. wrong-password flood: 100 connections, ${login_duration} s, one user name"
learner "$login_duration" "$out/login-learner.txt" &
learner_pid=$!
ORIGIN=$base USERNAME=anna.jensen wrk -t2 -c100 -d"${login_duration}s" -s "$bench/hostile-logins.lua" "$base" | grep -E "flood:"
wait "$learner_pid"
summary "$out/login-learner.txt"

echo "== 3. wrong-password flood: 100 connections, ${login_duration} s, made-up names from random addresses"
learner "$login_duration" "$out/random-learner.txt" &
learner_pid=$!
ORIGIN=$base USERNAME=random RANDOM_ADDRESS=1 wrk -t2 -c100 -d"${login_duration}s" -s "$bench/hostile-logins.lua" "$base" | grep -E "flood:"
wait "$learner_pid"
summary "$out/random-learner.txt"
echo "ready: $(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready"); log: $(wc -c <"$out/app.log") bytes, $(grep -c SEVERE "$out/app.log" || true) SEVERE"
