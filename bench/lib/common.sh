# Shared by bench/run: tools, builds, starting and stopping what the benchmark runs, reading figures.
# Everything started here is recorded in STARTED_PIDS and stopped by stop_everything (bench/run traps EXIT).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=$ROOT/bench
SECRET=local-xconnector-secret   # local mode's sample sender secret (application.properties, %local)
STARTED_PIDS=()
WORK=""

log() { printf '[bench %s] %s\n' "$(date -u +%T)" "$*" >&2; }
die() { log "$*"; exit 1; }

# wrk, jq and Alertmanager are Debian packages; as root they are installed with apt-get, otherwise asked for.
# require_tools PHASE...: Alertmanager only for the intake phase, jq only for the group phase.
require_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    if [[ " $* " == *" intake "* ]]; then
        command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
    fi
    if [[ " $* " == *" group "* ]]; then
        command -v jq >/dev/null || missing+=(jq)
    fi
    command -v curl >/dev/null || missing+=(curl)
    command -v java >/dev/null || die "java (17) is needed"
    command -v jfr >/dev/null || log "jfr not found: the profile step will be skipped"
    if ((${#missing[@]})); then
        if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
            log "installing with apt-get: ${missing[*]}"
            DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2 \
                || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2; }
        else
            die "missing: ${missing[*]} (Debian packages; install them, e.g. sudo apt-get install ${missing[*]})"
        fi
    fi
}

make_work_dir() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/herald-bench.XXXXXX")
}

stop_pid() {
    local pid=$1
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    local kept=()
    for other in "${STARTED_PIDS[@]}"; do
        [[ $other == "$pid" ]] || kept+=("$other")
    done
    STARTED_PIDS=("${kept[@]}")
}

stop_everything() {
    for pid in "${STARTED_PIDS[@]}"; do
        stop_pid "$pid"
    done
    if [[ -n $WORK && -d $WORK && -z ${BENCH_KEEP:-} ]]; then
        rm -rf "$WORK"
    fi
}

# Herald's packaged jar, built when missing or older than the sources (as bin/herald does).
herald_jar() {
    local runner
    runner=$(ls "$ROOT"/target/*-runner.jar 2>/dev/null | head -n 1 || true)
    if [[ -z $runner || -n $(find "$ROOT/src/main" "$ROOT/functions.yaml" "$ROOT/pom.xml" -newer "$runner" -print -quit) ]]; then
        log "building Herald (./mvnw -DskipTests package)"
        (cd "$ROOT" && ./mvnw -B -q -DskipTests package >&2)
        runner=$(ls "$ROOT"/target/*-runner.jar | head -n 1)
    fi
    echo "$runner"
}

bare_funqy_jar() {
    local jar=$BENCH/bare-funqy/target/quarkus-app/quarkus-run.jar
    if [[ ! -f $jar || -n $(find "$BENCH/bare-funqy/src" "$BENCH/bare-funqy/pom.xml" -newer "$jar" -print -quit) ]]; then
        log "building the bare Funqy application (bench/bare-funqy)"
        (cd "$ROOT" && ./mvnw -B -q -DskipTests -f bench/bare-funqy/pom.xml package >&2)
    fi
    echo "$jar"
}

# Waits until "$@" (a curl command line) succeeds; fails after $1 seconds.
wait_until() {
    local seconds=$1
    shift
    local deadline=$((SECONDS + seconds))
    until curl -sf -o /dev/null "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

# start_herald NAME PORT STORE [JVM option ...]: Herald's jar (HERALD_JAR when set, another build to compare) in local mode (simulators, sample secrets, the
# in-process queue), listening on 127.0.0.1:PORT, with a fresh H2 file store in the work dir or the PostgreSQL
# database at BENCH_POSTGRES_URL. Sets HERALD_PID.
start_herald() {
    local name=$1 port=$2 store=$3
    shift 3
    local jar=${HERALD_JAR:-} data=$WORK/$name-data
    [[ -n $jar ]] || jar=$(herald_jar)
    mkdir -p "$data"
    local store_options=(-Dherald.store.kind="$store")
    if [[ $store == postgresql ]]; then
        store_options+=(-Dquarkus.datasource.\"postgresql\".jdbc.url="$BENCH_POSTGRES_URL"
            -Dquarkus.datasource.\"postgresql\".username="${BENCH_POSTGRES_USER:-herald}"
            -Dquarkus.datasource.\"postgresql\".password="${BENCH_POSTGRES_PASSWORD:-herald}")
    fi
    # another process answering there would be measured instead
    curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$port/" && die "127.0.0.1:$port is in use already"
    log "starting Herald ($name, $store store) on 127.0.0.1:$port"
    # The simulators keep every record of a run: with their default limit (50,000) a load of several thousand
    # e-mails a second would see status requests for forgotten jobs answered 404 once dispatch lags behind.
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of JVM options, such as -Xmx512m
    java ${BENCH_JAVA_OPTS:-} "$@" -Dquarkus.profile=local -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
        -Dherald.simulators.record-limit=2000000 \
        -Dherald.data-dir="$data" "${store_options[@]}" -jar "$jar" >"$WORK/$name.log" 2>&1 &
    HERALD_PID=$!
    STARTED_PIDS+=("$HERALD_PID")
    wait_until 120 "http://127.0.0.1:$port/q/health" || { tail -n 40 "$WORK/$name.log" >&2; die "Herald ($name) did not start"; }
}

# start_alertmanager PORT: Prometheus Alertmanager with a minimal configuration (one receiver that sends nothing),
# its storage in the work dir and clustering off. Sets ALERTMANAGER_PID.
start_alertmanager() {
    local port=$1 dir=$WORK/alertmanager
    mkdir -p "$dir/data"
    cat >"$dir/alertmanager.yml" <<'YAML'
route:
  receiver: sink
  group_by: [alertname]
receivers:
  - name: sink
YAML
    log "starting Alertmanager on 127.0.0.1:$port"
    prometheus-alertmanager --config.file="$dir/alertmanager.yml" --storage.path="$dir/data" \
        --web.listen-address="127.0.0.1:$port" --cluster.listen-address= >"$WORK/alertmanager.log" 2>&1 &
    ALERTMANAGER_PID=$!
    STARTED_PIDS+=("$ALERTMANAGER_PID")
    wait_until 60 "http://127.0.0.1:$port/-/ready" || { tail -n 20 "$WORK/alertmanager.log" >&2; die "Alertmanager did not start"; }
}

# metric PORT NAME_AND_LABELS: one value from Herald's Prometheus metrics (0 when absent).
metric() {
    curl -s "http://127.0.0.1:$1/q/metrics" | awk -v name="$2" '$1 == name { print $2; found = 1 } END { if (!found) print 0 }'
}

# Waits until Herald's dispatch queue is empty, so that the next load does not share the CPU with the last one's
# notifications. Gives up after $2 seconds (default 300) and says so.
drain_dispatch() {
    local port=$1 patience=${2:-300} depth
    local deadline=$((SECONDS + patience))
    while :; do
        depth=$(metric "$port" 'herald_queue_depth{queue="dispatch"}')
        [[ ${depth%.*} == 0 ]] && return 0
        if ((SECONDS >= deadline)); then
            log "dispatch queue still holds $depth after ${patience}s; going on"
            return 0
        fi
        sleep 1
    done
}

# field LINE KEY: the value of KEY in a "RESULT key=value ..." line.
field() {
    tr ' ' '\n' <<<"$1" | awk -F= -v key="$2" '$1 == key { print $2 }'
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'
}

median() {
    tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

rss_kb() {
    ps -o rss= -p "$1" | tr -d ' '
}
