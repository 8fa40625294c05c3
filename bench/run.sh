#!/usr/bin/env bash
# Guildhall on-demand benchmark: start-up time, memory and HTTP throughput/latency of the
# executable jar on embedded H2 with the demo community. Never run by CI. See bench/README.md.
#
#   bench/run.sh [--no-build] [--jdk DIR] [--port N] [--path /x]... [--keep-data]
#
# Results: a Markdown summary on stdout; raw output in bench/results/<timestamp>/.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bench/run.sh [options]

  --no-build         use the existing target/guildhall-0.1.0-SNAPSHOT.jar
  --jdk DIR          run the app with DIR/bin/java (e.g. /usr/lib/jvm/temurin-25-jdk-amd64);
                     default: java on PATH
  --port N           port for the app on 127.0.0.1 (default 18080)
  --path /x          also measure this URL path (repeatable); / is always measured
  --as EMAIL:PASSWORD sign in as this account (e.g. premium@guildhall.demo:guildhall-demo)
  --member-path /x   measure this URL path signed in with --as (repeatable)
  --keep-data        keep the temporary data directory (H2 file, media, search index) after the run
  -h, --help         this text

Environment (advanced): BENCH_JAVA_OPTS (extra JVM options, space-separated),
BENCH_THREADS (2), BENCH_CONNECTIONS (64), BENCH_DURATION (30s), BENCH_WARMUP (15s),
BENCH_STARTUP_TIMEOUT (180, seconds).
EOF
}

JAR_NAME=guildhall-0.1.0-SNAPSHOT.jar
BUILD=true
JDK_DIR=""
PORT=18080
PATHS=(/)
MEMBER=""
KEEP_DATA=false
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
DURATION="${BENCH_DURATION:-30s}"
WARMUP="${BENCH_WARMUP:-15s}"
STARTUP_TIMEOUT="${BENCH_STARTUP_TIMEOUT:-180}"
SETTLE_SECONDS=5

APP_PID=""
TMP_DIR=""
OUT=""

log() { printf '[bench] %s\n' "$*" >&2; }
die() {
  printf '[bench] ERROR: %s\n' "$*" >&2
  exit 1
}

# --- pure helpers (sourced by tests: `source bench/run.sh` defines these without running) ---

# wrk prints latencies as 512.00us, 5.06ms, 1.20s, 2.00m; prints the value in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v; sub(/[a-z]+$/, "", n); u = v; sub(/^[0-9.]+/, "", u)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
    if (n == "" || f < 0) { print "?"; exit }
    printf "%.2f\n", n * f
  }'
}

# Parses the output of `wrk --latency` (file $1). Prints:
#   rps p50_ms p99_ms requests non2xx3xx socket_errors
parse_wrk() {
  local file=$1 rps p50 p99 requests non2xx errors
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$file")
  p50=$(awk '/Latency Distribution/ { d = 1; next } d && $1 == "50%" { print $2; exit }' "$file")
  p99=$(awk '/Latency Distribution/ { d = 1; next } d && $1 == "99%" { print $2; exit }' "$file")
  requests=$(awk '/ requests in / { print $1; exit }' "$file")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF; exit }' "$file")
  # "Socket errors: connect 0, read 0, write 0, timeout 12"
  errors=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10; exit }' "$file")
  [[ -n "$rps" && -n "$p50" && -n "$p99" ]] || return 1
  printf '%s %s %s %s %s %s\n' "$(printf '%.0f' "$rps")" "$(to_ms "$p50")" "$(to_ms "$p99")" \
    "${requests:-?}" "${non2xx:-0}" "${errors:-0}"
}

# VmRSS of a process in MiB (integer).
rss_mib() {
  awk '/^VmRSS:/ { printf "%d\n", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", b - a }'; }

http_code() {
  curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$1" 2>/dev/null || true
}

# --- the run ---------------------------------------------------------------------------------

cleanup() {
  local rc=$?
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the app (pid $APP_PID)"
    kill -TERM "$APP_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 100; i++)); do
      kill -0 "$APP_PID" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "the app did not stop within 20 s; killing it"
      kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ -n "$TMP_DIR" && -d "$TMP_DIR" ]]; then
    if $KEEP_DATA; then
      log "data kept in $TMP_DIR"
    else
      rm -rf "$TMP_DIR"
    fi
  fi
  [[ -n "$OUT" ]] && log "raw results in $OUT"
  exit "$rc"
}

ensure_wrk() {
  command -v wrk >/dev/null && return 0
  log "wrk is not installed; installing it with apt-get"
  command -v apt-get >/dev/null || die "wrk is missing and apt-get is not available; install wrk"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends wrk ||
    die "apt-get install wrk failed"
  command -v wrk >/dev/null || die "wrk is still missing"
}

run_wrk() { # label url duration outfile [cookie]
  local header=()
  [[ -z "${5:-}" ]] || header=(-H "Cookie: $5")
  log "wrk -t$THREADS -c$CONNECTIONS -d$3 --latency $2  ($1${5:+, signed in})"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency "${header[@]}" "$2" >"$4" 2>&1 ||
    die "wrk failed on $2 (see $4)"
}

# Signs in through the login form ($1 base URL, $2 EMAIL:PASSWORD, $3 cookie jar); prints the
# Cookie header value of the signed-in session.
sign_in() {
  local base=$1 email=${2%%:*} password=${2#*:} jar=$3 csrf
  csrf=$(curl -s -c "$jar" -b "$jar" --max-time 10 "$base/login" |
    grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//')
  [[ -n "$csrf" ]] || die "no CSRF token on $base/login"
  curl -s -o /dev/null -c "$jar" -b "$jar" --max-time 10 \
    --data-urlencode "email=$email" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "$base/login"
  # every cookie the sign-in left (the session, and the CSRF cookie forms need)
  awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) { printf "%s%s=%s", sep, $6, $7; sep = "; " } }' "$jar" |
    grep -q 'GUILDHALL_SESSION=' || return 0
  awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) { printf "%s%s=%s", sep, $6, $7; sep = "; " } }' "$jar"
}

main() {
  while (($#)); do
    case "$1" in
      --no-build) BUILD=false ;;
      --jdk)
        [[ $# -ge 2 ]] || die "--jdk needs a directory"
        JDK_DIR=$2
        shift
        ;;
      --port)
        [[ $# -ge 2 && $2 =~ ^[0-9]+$ ]] || die "--port needs a number"
        PORT=$2
        shift
        ;;
      --path)
        [[ $# -ge 2 && $2 == /* ]] || die "--path needs a URL path starting with / (e.g. --path /courses)"
        PATHS+=("$2")
        shift
        ;;
      --as)
        [[ $# -ge 2 && $2 == *:* ]] || die "--as needs EMAIL:PASSWORD"
        MEMBER=$2
        shift
        ;;
      --member-path)
        [[ $# -ge 2 && $2 == /* ]] || die "--member-path needs a URL path starting with /"
        PATHS+=("@$2")
        shift
        ;;
      --keep-data) KEEP_DATA=true ;;
      -h | --help)
        usage
        exit 0
        ;;
      *)
        usage >&2
        die "unknown option: $1"
        ;;
    esac
    shift
  done

  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  local root
  root=$(pwd)

  local java=java
  if [[ -n "$JDK_DIR" ]]; then
    java="$JDK_DIR/bin/java"
    [[ -x "$java" ]] || die "no executable $java"
  fi
  command -v "$java" >/dev/null || die "java not found"
  command -v curl >/dev/null || die "curl is needed (apt-get install curl)"

  local base="http://127.0.0.1:$PORT"
  [[ "$(http_code "$base/")" == 000 ]] || die "something already answers on $base; choose another --port"

  ensure_wrk

  if $BUILD; then
    log "building the jar (./mvnw -B -q -DskipTests package)"
    ./mvnw -B -q -DskipTests package -Dspotless.check.skip=true || die "build failed"
  fi
  local jar="$root/target/$JAR_NAME"
  [[ -f "$jar" ]] || die "$jar not found; run without --no-build"

  local stamp
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  OUT="$root/bench/results/$stamp"
  mkdir -p "$OUT"
  TMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/guildhall-bench.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  local jdk_version jdk_vendor jdk_label
  "$java" -XshowSettings:properties -version >"$OUT/java-version.txt" 2>&1 || true
  jdk_version=$(awk -F' = ' '$1 ~ /^ *java\.runtime\.version$/ { print $2; exit }' "$OUT/java-version.txt")
  jdk_vendor=$(awk -F' = ' '$1 ~ /^ *java\.vendor\.version$/ { print $2; exit }' "$OUT/java-version.txt")
  [[ -n "$jdk_vendor" ]] || jdk_vendor=$(awk -F' = ' '$1 ~ /^ *java\.vendor$/ { print $2; exit }' "$OUT/java-version.txt")
  jdk_label="${jdk_version:-unknown}${jdk_vendor:+ ($jdk_vendor)}"

  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "git: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (uncommitted changes)')"
    echo "jdk: $jdk_label ($java)"
    echo "cores: $(nproc)"
    echo "memory: $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
    echo "cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
    echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION --latency, warm-up $WARMUP per URL"
    echo "java options: ${BENCH_JAVA_OPTS:-none}"
  } >"$OUT/environment.txt"
  sed 's/^/[bench] /' "$OUT/environment.txt" >&2

  # --- start-up ---
  local java_opts=()
  read -r -a java_opts <<<"${BENCH_JAVA_OPTS:-}"
  log "starting the app on $base (data in $TMP_DIR)"
  local t0 t1
  t0=$(now)
  env \
    SPRING_DATASOURCE_URL="jdbc:h2:file:$TMP_DIR/guildhall;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
    GUILDHALL_STORAGE_LOCAL_ROOT="$TMP_DIR/media" \
    GUILDHALL_SEARCH_INDEX_DIR="$TMP_DIR/index" \
    GUILDHALL_BASE_URL="$base" \
    SERVER_PORT="$PORT" \
    SERVER_ADDRESS=127.0.0.1 \
    "$java" "${java_opts[@]}" -jar "$jar" >"$OUT/app.log" 2>&1 </dev/null &
  APP_PID=$!

  local ready=false
  while :; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      tail -n 40 "$OUT/app.log" >&2 || true
      APP_PID=""
      die "the app exited during start-up (log: $OUT/app.log)"
    fi
    if [[ "$(http_code "$base/actuator/health/readiness")" == 200 ]]; then
      ready=true
      break
    fi
    if (($(elapsed "$t0" "$(now)" | cut -d. -f1) >= STARTUP_TIMEOUT)); then
      break
    fi
    sleep 0.1
  done
  t1=$(now)
  $ready || die "the app was not ready within ${STARTUP_TIMEOUT}s (log: $OUT/app.log)"
  local startup spring_startup
  startup=$(elapsed "$t0" "$t1")
  spring_startup=$(grep -o 'Started GuildhallApplication in [0-9.]* seconds' "$OUT/app.log" | head -n 1 | awk '{ print $4 }' || true)
  log "ready after ${startup}s (Spring: ${spring_startup:-?}s)"

  sleep "$SETTLE_SECONDS"
  local rss_start
  rss_start=$(rss_mib "$APP_PID")
  log "RSS after start-up: ${rss_start} MiB"

  # --- a signed-in session for the member paths ---
  local cookie=""
  if [[ -n "$MEMBER" ]]; then
    cookie=$(sign_in "$base" "$MEMBER" "$OUT/cookies.txt")
    [[ -n "$cookie" ]] || die "could not sign in as ${MEMBER%%:*}"
    log "signed in as ${MEMBER%%:*}"
  fi

  # --- every URL must answer before it is measured ---
  local path code entry
  for entry in "${PATHS[@]}"; do
    path=${entry#@}
    if [[ $entry == @* ]]; then
      [[ -n "$cookie" ]] || die "--member-path needs --as"
      code=$(curl -s -o "$OUT/page$(echo "$path" | tr -c 'A-Za-z0-9\n' '_').html" -w '%{http_code}' \
        --max-time 10 -H "Cookie: $cookie" "$base$path" || true)
    else
      code=$(curl -s -o "$OUT/page$(echo "$path" | tr -c 'A-Za-z0-9\n' '_').html" -w '%{http_code}' \
        --max-time 10 "$base$path" || true)
    fi
    [[ $code == 2* ]] || log "WARNING: GET $path answers HTTP $code, not 2xx; its numbers measure that response"
  done

  # --- warm-up, then measurement ---
  local i name
  for i in "${!PATHS[@]}"; do
    entry=${PATHS[$i]}
    run_wrk warm-up "$base${entry#@}" "$WARMUP" "$OUT/wrk-warmup-$i.txt" \
      "$([[ $entry == @* ]] && echo "$cookie")"
  done
  local rss_warm
  rss_warm=$(rss_mib "$APP_PID")
  log "RSS after warm-up: ${rss_warm} MiB"

  local rows=() parsed rps p50 p99 requests non2xx errors first_row=""
  for i in "${!PATHS[@]}"; do
    entry=${PATHS[$i]}
    path=${entry#@}
    run_wrk measure "$base$path" "$DURATION" "$OUT/wrk-$i.txt" \
      "$([[ $entry == @* ]] && echo "$cookie")"
    echo "$path" >"$OUT/wrk-$i.path"
    parsed=$(parse_wrk "$OUT/wrk-$i.txt") || die "could not parse wrk output $OUT/wrk-$i.txt"
    read -r rps p50 p99 requests non2xx errors <<<"$parsed"
    local who=anonymous
    [[ $entry == @* ]] && who="${MEMBER%%:*}"
    rows+=("| \`$path\` ($who) | $rps | $p50 | $p99 | $requests | $non2xx | $errors |")
    [[ -n "$first_row" ]] || first_row="$rps | $p50 | $p99"
  done
  local rss_load
  rss_load=$(rss_mib "$APP_PID")

  # --- report ---
  name="$OUT/summary.md"
  {
    echo "## Guildhall benchmark $stamp"
    echo
    echo "- JDK: $jdk_label"
    echo "- start-up: ${startup} s until readiness answered 200 (Spring's own \"Started\" line: ${spring_startup:-?} s)"
    echo "- RSS: ${rss_start} MiB after start-up (+${SETTLE_SECONDS} s idle), ${rss_warm} MiB after warm-up, ${rss_load} MiB after measurement"
    echo "- load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a $WARMUP warm-up per URL; 127.0.0.1, same machine"
    echo
    echo "| URL | req/s | p50 ms | p99 ms | requests | non-2xx/3xx | socket errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Row for docs/performance.md (Anonymous home page):"
    echo
    echo "| $(date -u +%Y-%m-%d) | $jdk_label | $startup | $rss_start / $rss_warm | $first_row |"
  } >"$name"
  echo
  cat "$name"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
