#!/usr/bin/env bash
# Records which classes Payara Micro loads while it starts, deploys Medborger LMS and serves a
# learner's first pages, into src/main/cds/payara.classlist. The build makes the start-up archive
# that ships in the runnable jar from this list (ADR 8). Run it again after upgrading Payara Micro
# or the JDK; classes a list names but a new Payara lacks are only skipped, so an old list still
# works, just less well.
#
#   bash src/main/cds/record-classlist.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
port=${RECORD_PORT:-8097}
jar=target/medborger-lms.jar
[ -f "$jar" ] || ./mvnw -B -ntp -q package -DskipTests -DskipStartupArchive
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
MEDBORGER_DATA_DIR="$work/data" MEDBORGER_PORT="$port" MEDBORGER_STARTUP_ARCHIVE=false \
  MEDBORGER_JAVA_OPTS="-Xms256m -Xmx1g -XX:+UseParallelGC -XX:DumpLoadedClassList=$work/recorded" \
  java -jar "$jar" > "$work/log" 2>&1 &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 240); do
  curl -s -o /dev/null -f "$base/login.xhtml" && break
  sleep 0.5
done
cookies="$work/cookies"
page=$(curl -s -c "$cookies" -b "$cookies" "$base/login.xhtml")
vs=$(echo "$page" | grep -o 'jakarta.faces.ViewState:0" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "jakarta.faces.ViewState=$vs" \
  -d "login=login&login:username=learner&login:password=medborger&login:submit=" "$base/login.xhtml"
for path in /learner/dashboard.xhtml /health/ready; do
  curl -s -o /dev/null -L -c "$cookies" -b "$cookies" "$base$path"
done
# the dashboard's links to a course and a lesson
for link in $(curl -s -L -c "$cookies" -b "$cookies" "$base/learner/dashboard.xhtml" \
  | grep -o 'href="/learner/[a-z]*\.xhtml?[^"]*"' | sed 's/href="//; s/"$//; s/&amp;/\&/g' | sort -u); do
  curl -s -o /dev/null -L -c "$cookies" -b "$cookies" "$base$link"
done
sleep 2
# Only classes on Payara's own class path can be archived: the launcher's agent and the WAR's
# libraries (also in lambda lines) would only be skipped, with a warning each.
grep -Ev 'dk/medborger/|org/primefaces/|org/omnifaces/|org/flywaydb/|org/mariadb/|org/owasp/' \
  "$work/recorded" > src/main/cds/payara.classlist
echo "recorded $(grep -vc '^#' src/main/cds/payara.classlist) classes into src/main/cds/payara.classlist"
