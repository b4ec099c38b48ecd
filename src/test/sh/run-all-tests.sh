#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: unit tests, Arquillian tests (Payara Micro +
# embedded MariaDB), browser tests (headless Chromium against the runnable jar) and the smoke test
# against Debian's MariaDB 10.11. Installs chromium, chromium-driver and mariadb-server from Debian
# when they are missing. Usage: bash src/test/sh/run-all-tests.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "$0")/../../.."

missing=()
[ -x /usr/lib/chromium/chromium ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v mariadbd >/dev/null || missing+=(mariadb-server)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing from Debian: ${missing[*]}"
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}"
fi

# Debian's MariaDB (10.11 on Debian 12) on a free loopback port, for the compatibility smoke test.
db=$(mktemp -d /tmp/medborger-mariadb.XXXXXX)
port=""
for candidate in $(seq 33061 33160); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "No free port for MariaDB"; exit 1; }
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
stop_db() {
  mariadb-admin --no-defaults --socket="$db/mariadb.sock" shutdown >/dev/null 2>&1 || true
  rm -rf "$db"
}
trap stop_db EXIT
mariadb-install-db --no-defaults --user=root --datadir="$db/data" \
  --auth-root-authentication-method=socket --skip-test-db >"$db/install.log" 2>&1
mariadbd --no-defaults --user=root --datadir="$db/data" --socket="$db/mariadb.sock" \
  --pid-file="$db/mariadbd.pid" --bind-address=127.0.0.1 --port="$port" \
  --log-error="$db/error.log" --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci &
for _ in $(seq 1 100); do
  mariadb-admin --no-defaults --socket="$db/mariadb.sock" ping >/dev/null 2>&1 && break
  sleep 0.1
done
mariadb --no-defaults --socket="$db/mariadb.sock" <<SQL
CREATE DATABASE medborger CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'medborger'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON medborger.* TO 'medborger'@'127.0.0.1';
SQL
echo "External MariaDB $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$port"

status=0
./mvnw -B -ntp clean verify \
  -DskipExternalDbTests=false \
  -Dtest.external.db.url="jdbc:mariadb://127.0.0.1:$port/medborger" \
  -Dtest.external.db.user=medborger \
  -Dtest.external.db.password="$password" \
  "$@" || status=$?

# CI keeps only the tail of the output: end with which tests failed and why, in a few lines.
if [ "$status" != 0 ]; then
  echo
  echo "==== Tests that failed (full reports in target/*-reports*/) ===="
  for report in target/surefire-reports/*.txt target/failsafe-reports*/*.txt; do
    [ -f "$report" ] || continue
    grep -A3 -E '<<< (FAILURE|ERROR)!' "$report" | cut -c1-400 | head -40 || true
  done
  for log in target/it/app-*.log; do
    [ -f "$log" ] || continue
    if grep -q -E 'SEVERE|ERROR' "$log"; then
      echo "---- $log: first errors"
      grep -m5 -E 'SEVERE|ERROR' "$log" | cut -c1-400
    fi
  done
fi
exit "$status"
