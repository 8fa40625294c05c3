#!/usr/bin/env bash
# Measures the README's run command the way a newcomer meets it: a fresh clone of this
# repository, then `./mvnw spring-boot:run`, polling GET / every 0.2 s until it answers 200.
#
#   bench/first-start.sh                 # clone HEAD of this checkout into a temporary folder
#   bench/first-start.sh --runs 3        # three fresh clones, one after the other
#   bench/first-start.sh --port 18081    # another port (default 18081)
#
# Reports, per run: clone -> home page 200, and "build finished" (the Spring Boot plugin's
# "Attaching agents" line, after which the application JVM starts) -> home page 200. The Maven
# repository (~/.m2) is the caller's: run it as a user with an empty home for a first-ever start.
# Only 127.0.0.1 is used; the app and its clone are removed at the end.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
SOURCE=$(pwd)
RUNS=1
PORT=18081
while (($#)); do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --port) PORT=$2; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

APP_PID=
WORK=
cleanup() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -- -"$APP_PID" 2>/dev/null || kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

echo "| run | clone -> home page 200 (s) | build finished -> home page 200 (s) |"
echo "|---:|---:|---:|"
for ((run = 1; run <= RUNS; run++)); do
  WORK=$(mktemp -d /tmp/guildhall-first-start.XXXXXX)
  start=$(now)
  git clone -q "$SOURCE" "$WORK/guildhall"
  log="$WORK/run.log"
  (
    cd "$WORK/guildhall"
    exec setsid ./mvnw -B -ntp spring-boot:run -Dspring-boot.run.arguments="--server.port=$PORT --server.address=127.0.0.1"
  ) >"$log" 2>&1 &
  APP_PID=$!
  built=
  home=
  deadline=$(($(date +%s) + 600))
  while (($(date +%s) < deadline)); do
    if [[ -z $built ]] && grep -q "Attaching agents" "$log"; then built=$(now); fi
    if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/" 2>/dev/null; then
      home=$(now)
      break
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited; log: $log" >&2; tail -n 40 "$log" >&2; exit 1; }
    sleep 0.2
  done
  [[ -n $home ]] || { echo "no 200 from / within 600 s" >&2; exit 1; }
  echo "| $run | $(elapsed "$start" "$home") | $(elapsed "${built:-$start}" "$home") |"
  cleanup
  APP_PID=
  WORK=
done
