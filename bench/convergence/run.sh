#!/usr/bin/env bash
# Convergence benchmark: how long Berth and Docker Swarm take, on this machine and in the same
# run, to go from one running web instance of samples/hello to BENCH_REPLICAS (30) of them, each
# accepting TCP connections on its port; and back to one.
#
#   bash bench/convergence/run.sh
#
# Berth: a local cluster of 3 nodes (deploy/local-cluster.sh, on ports of its own), samples/hello
# deployed by git push with an app.json startup check that the port accepts (tried every second, like
# the swarm service's health check below), then per run `berth ps:scale hello web=30` until the control plane lists
# 30 instances in state running (the agent saw each port accept), watched by
# Berth.Bench.Convergence (one ListInstances call every 100 ms over one gRPC channel).
# Swarm: one more dockerd, started with the node engines' flags, as a single-node swarm, with two
# services of the image Berth built (host network, an init process, PORT from the task slot):
#   swarm  `hello-hc`, with a health check that connects to the port every second; per run
#          `docker service scale hello-hc=30` until `docker service ls` shows 30/30 (a task with a
#          health check counts as running only once healthy).
#   plain  `hello-plain`, without a health check; per run scaled the same way until 30/30 and,
#          probed by this script, all 30 ports accept a TCP connection.
# Each run measures the three in turn, starting with a different one each time, after one
# warm-up run of each (reported as run 0, left out of the medians): Berth's first scale after
# start is slower (.NET code paths not yet compiled).
#
# Settings (environment, with defaults):
#   BENCH_RUNS           5                          measured runs of each system (after the warm-up)
#   BENCH_REPLICAS       30                         instances to converge to
#   BENCH_TIMEOUT        300                        seconds one convergence may take
#   BENCH_STATE_DIR      /tmp/berth-conv            the Berth cluster's state (purged at exit)
#   BENCH_SWARM_DIR      /tmp/berth-conv-swarm      the swarm engine's data (deleted at exit)
#   BENCH_OUT_DIR        /tmp/berth-convergence-<time>  results, timelines and copies of the logs
#   BENCH_SOURCE         head                       head: build Berth from the last commit (a copy made
#                                                   with git archive, deleted at exit); worktree: build
#                                                   the working tree as it is
# Ports: registry 15100, API 17200, git 17201, edge 18180, node ports 28000-30999 (3 nodes),
# swarm control 127.0.0.1:17277, swarm instances 31001-31030 (hc) and 32001-32030 (plain), all
# below the kernel's ephemeral ports (32768 and up here). None is a default of
# deploy/local-cluster.sh or of the integration tests, so the benchmark runs beside both.
#
# Everything it starts is stopped on exit (trap): the swarm services, the swarm (leave --force),
# its dockerd, and the Berth cluster (local-cluster.sh down --purge).
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/../.." && pwd)"
readonly SCRIPT_DIR REPO_ROOT

readonly RUNS="${BENCH_RUNS:-5}"
readonly REPLICAS="${BENCH_REPLICAS:-30}"
readonly TIMEOUT="${BENCH_TIMEOUT:-300}"
readonly STATE_DIR="${BENCH_STATE_DIR:-/tmp/berth-conv}"
readonly SWARM_DIR="${BENCH_SWARM_DIR:-/tmp/berth-conv-swarm}"
readonly OUT_DIR="${BENCH_OUT_DIR:-/tmp/berth-convergence-$(date -u +%Y%m%d-%H%M%S)}"
readonly SETTLE_SECONDS=10
readonly SOURCE="${BENCH_SOURCE:-head}"

readonly APP="hello"
readonly API_PORT=17200
readonly SWARM_LISTEN="127.0.0.1:17277"
# Swarm services and the first two digits of their instances' ports (slot 1 listens on 31001, ...).
readonly HC_SERVICE="hello-hc" HC_PORT_PREFIX=31
readonly PLAIN_SERVICE="hello-plain" PLAIN_PORT_PREFIX=32

# The cluster's ports, exported for every local-cluster.sh call; bench/lib.sh exports its other
# settings (BERTH_STATE_DIR=$STATE_DIR, 3 nodes, ...) and sets TOKEN_FILE and SWARM_SOCKET.
export BERTH_REGISTRY_PORT=15100 BERTH_API_PORT="$API_PORT" BERTH_GIT_PORT=17201 BERTH_EDGE_PORT=18180
export BERTH_NODE_PORT_BASE=28000

# The rest of what bench/lib.sh needs (see its header).
readonly SCRIPT_NAME="convergence"
readonly SRC_COPY_TEMPLATE="/tmp/berth-conv-src.XXXXXX"
readonly SWARM_NAMESPACE="berth-conv-swarm"
readonly -a SWARM_SERVICES=("$HC_SERVICE" "$PLAIN_SERVICE")
readonly -a SWARM_LOGS=()

# shellcheck source-path=SCRIPTDIR source=../lib.sh
source "$SCRIPT_DIR/../lib.sh"

WATCHER_PID=""

# An RFC 3339 time (Docker's) in Unix milliseconds.
to_ms() { date -d "$1" +%s%3N; }

# ---------------------------------------------------------------------------
# Clean-up
# ---------------------------------------------------------------------------

# Called first by cleanup (bench/lib.sh), the trap that stops everything else.
stop_own_processes() {
    [[ -n "$WATCHER_PID" ]] && kill "$WATCHER_PID" 2>/dev/null
}

# ---------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------

check_prerequisites() {
    check_host
    local slot prefix
    for prefix in "$HC_PORT_PREFIX" "$PLAIN_PORT_PREFIX"; do
        for slot in $(seq 1 "$REPLICAS"); do
            ! port_in_use "$(slot_port "$prefix" "$slot")" ||
                fail "port $(slot_port "$prefix" "$slot") (swarm instances) is in use"
        done
    done
    ! port_in_use "${SWARM_LISTEN#*:}" || fail "port ${SWARM_LISTEN#*:} (swarm control) is in use"
    mkdir -p "$OUT_DIR"
}

slot_port() { printf '%s%03d' "$1" "$2"; }

# The watcher, which may not be committed yet, from the working tree into the copy of the last
# commit that prepare_source made (none with BENCH_SOURCE=worktree).
copy_watcher_source() {
    [[ -n "$SRC_COPY" ]] || return 0
    rm -rf "$SRC_ROOT/bench/convergence/Berth.Bench.Convergence"
    mkdir -p "$SRC_ROOT/bench/convergence/Berth.Bench.Convergence"
    cp "$SCRIPT_DIR"/Berth.Bench.Convergence/*.cs "$SCRIPT_DIR"/Berth.Bench.Convergence/*.csproj \
        "$SRC_ROOT/bench/convergence/Berth.Bench.Convergence/"
}

# Starts the cluster (bench/lib.sh), builds the watcher into its state and logs the CLI in.
start_berth() {
    start_cluster

    say "building the watcher (bench/convergence/Berth.Bench.Convergence)"
    dotnet publish "$SRC_ROOT/bench/convergence/Berth.Bench.Convergence" -c Release -o "$STATE_DIR/bin/convergence" \
        --nologo -v quiet >"$STATE_DIR/logs/build-convergence.log" 2>&1 ||
        fail "building the watcher failed; see $OUT_DIR/logs/build-convergence.log"

    log_in
}

# The app.json the benchmark adds to samples/hello: a startup check that the port accepts, tried
# every second, the check Swarm's hello-hc service has; without it an instance counts as running
# only after the 10 s settle time Berth gives an app without checks.
write_app_json() {
    cat >"$1/app.json" <<'EOF'
{
  "healthchecks": {
    "web": [
      { "type": "startup", "name": "port accepts", "listening": true, "attempts": 30, "wait": 1, "timeout": 1 }
    ]
  }
}
EOF
}

deploy_sample() {
    say "deploying samples/$APP by git push"
    push_app write_app_json
    watch_instances 1 "$OUT_DIR/deploy.timeline" || fail "$APP did not run after the push"
    find_image
}

start_swarm() {
    start_swarm_engine
    # shellcheck disable=SC2016 # $PORT is for the health check's shell, in the container
    create_service "$HC_SERVICE" "$HC_PORT_PREFIX" \
        --health-cmd 'nc -w 1 127.0.0.1 $PORT -e true' \
        --health-interval 1s \
        --health-timeout 2s \
        --health-retries 3
    create_service "$PLAIN_SERVICE" "$PLAIN_PORT_PREFIX"
}

# Same image and command as Berth's instances: host network, an init process, PORT (PREFIX001 for
# slot 1, ...), DYNO and BERTH_NODE; plus OPTIONS (the health check). $PORT in the health check
# is expanded by its shell in the container.
create_service() {
    local service="$1" prefix="$2"
    shift 2

    say "creating swarm service $service (1 replica) from $IMAGE"
    swarm_docker service create --detach --quiet \
        --name "$service" \
        --replicas 1 \
        --network host \
        --init \
        --env "PORT=${prefix}{{printf \"%03s\" .Task.Slot}}" \
        --env 'DYNO=web.{{.Task.Slot}}' \
        --env 'BERTH_NODE={{.Node.Hostname}}' \
        "$@" \
        "$IMAGE" >/dev/null
    wait_swarm "$service" 1 >/dev/null || fail "swarm service $service did not run its first replica"
    curl -fsS --max-time 3 "http://127.0.0.1:$(slot_port "$prefix" 1)/" >/dev/null ||
        fail "the replica of $service does not answer on port $(slot_port "$prefix" 1)"
}

# ---------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------

# Starts the watcher in the background for COUNT instances; returns once it has its first answer.
start_watcher() {
    local count="$1" timeline="$2" deadline=$((SECONDS + 60))

    dotnet "$STATE_DIR/bin/convergence/Berth.Bench.Convergence.dll" \
        --api "http://127.0.0.1:$API_PORT" --token-file "$TOKEN_FILE" --app "$APP" \
        --count "$count" --timeout-seconds "$TIMEOUT" >"$timeline" &
    WATCHER_PID=$!
    until grep -q . "$timeline" 2>/dev/null; do
        kill -0 "$WATCHER_PID" 2>/dev/null || break
        ((SECONDS < deadline)) || fail "the watcher did not answer within 60 s"
        sleep 0.05
    done
}

# Waits for the watcher (in this shell, its parent); sets T_CONVERGED; fails when it timed out.
finish_watcher() {
    local timeline="$1"
    wait "$WATCHER_PID" || fail "Berth did not converge within $TIMEOUT s (see $timeline)"
    WATCHER_PID=""
    T_CONVERGED="$(awk '$1 == "converged" { print $2 }' "$timeline")"
}

watch_instances() {
    start_watcher "$1" "$2"
    finish_watcher "$2"
}

# Every hello container on the three node engines, and on none other.
berth_container_count() {
    local node total=0
    for node in 1 2 3; do
        total=$((total + $(node_docker "$node" ps -aq --filter "label=berth.app=$APP" | wc -l)))
    done
    printf '%s' "$total"
}

one_berth_container() { [[ "$(berth_container_count)" == 1 ]]; }

# Scales Berth to COUNT; sets T_START, T_CLI (the CLI returned) and T_CONVERGED, in Unix ms.
scale_berth() {
    local count="$1" timeline="$2"
    start_watcher "$count" "$timeline"

    T_START="$(now_ms)"
    berth ps:scale "$APP" "web=$count" >/dev/null || fail "berth ps:scale $APP web=$count failed"
    T_CLI="$(now_ms)"
    finish_watcher "$timeline"
}

# Polls `docker service ls` until SERVICE shows COUNT/COUNT and, when a port PREFIX is given, the
# ports of slots 1 to COUNT accept TCP connections; prints the Unix ms of that poll.
wait_swarm() {
    local service="$1" count="$2" prefix="${3:-}" deadline=$((SECONDS + TIMEOUT)) replicas
    while ((SECONDS < deadline)); do
        replicas="$(swarm_docker service ls --filter "name=$service" --format '{{.Replicas}}')"
        if [[ "$replicas" == "$count/$count" ]] && { [[ -z "$prefix" ]] || ports_accept "$prefix" "$count"; }; then
            now_ms
            return 0
        fi
        sleep 0.1
    done
    return 1
}

ports_accept() {
    local prefix="$1" count="$2" slot
    for slot in $(seq 1 "$count"); do
        (exec 3<>"/dev/tcp/127.0.0.1/$(slot_port "$prefix" "$slot")") 2>/dev/null || return 1
    done
}

service_containers() {
    swarm_docker ps -q --filter "label=com.docker.swarm.service.name=$1" | wc -l
}

one_swarm_container() { [[ "$(service_containers "$HC_SERVICE")" == 1 ]]; }
one_plain_container() { [[ "$(service_containers "$PLAIN_SERVICE")" == 1 ]]; }

# Scales SERVICE to COUNT; sets T_START, T_CLI and T_CONVERGED, in Unix ms. With a port PREFIX,
# convergence also needs every instance's port to accept (for the service without a health check).
scale_service() {
    local service="$1" count="$2" prefix="${3:-}"
    T_START="$(now_ms)"
    swarm_docker service scale --detach "$service=$count" >/dev/null 2>&1 ||
        fail "docker service scale $service=$count failed"
    T_CLI="$(now_ms)"
    T_CONVERGED="$(wait_swarm "$service" "$count" "$prefix")" ||
        fail "swarm service $service did not converge to $count within $TIMEOUT s"
}

scale_swarm() { scale_service "$HC_SERVICE" "$1"; }
scale_plain() { scale_service "$PLAIN_SERVICE" "$1" "$PLAIN_PORT_PREFIX"; }

# ---------------------------------------------------------------------------
# Where the time went (read after convergence, so that nothing extra runs while measuring)
# ---------------------------------------------------------------------------

# Prints "first_ms last_ms" of a list of RFC 3339 times on stdin, in Unix ms.
time_span() {
    local line first="" last=""
    while read -r line; do
        [[ -n "$line" ]] || continue
        line="$(to_ms "$line")"
        [[ -z "$first" || "$line" -lt "$first" ]] && first="$line"
        [[ -z "$last" || "$line" -gt "$last" ]] && last="$line"
    done
    printf '%s %s\n' "${first:-0}" "${last:-0}"
}

# The RFC 3339 times on stdin that are not before START_MS.
times_after() {
    local start="$1" time
    while read -r time; do
        if [[ -n "$time" ]] && (($(to_ms "$time") >= start)); then
            printf '%s\n' "$time"
        fi
    done
}

# Creation (FIELD created) or start times of the containers in the inspect JSON on stdin made after START_MS.
container_times() {
    local start="$1" field="$2"
    jq -r --arg field "$field" '.[] | if $field == "created" then .Created else .State.StartedAt end' |
        times_after "$start"
}

# Prints "assign_ms created_first created_last started_first started_last" for Berth's run at START.
berth_phases() {
    local start="$1" node ids json="[]" assign

    for node in 1 2 3; do
        ids="$(node_docker "$node" ps -q --filter "label=berth.app=$APP")"
        [[ -n "$ids" ]] || continue
        # shellcheck disable=SC2086 # one argument per container id
        json="$(jq -s 'add' <(printf '%s' "$json") <(node_docker "$node" inspect $ids))"
    done

    # Each agent logs the version of every assignment set: the control plane's clock when it sent it.
    assign="$(grep -ho 'Assignment set [0-9]*' "$STATE_DIR"/logs/agent-node-*.log | awk -v s="$start" \
        '$3 >= s && (m == "" || $3 < m) { m = $3 } END { print (m == "" ? 0 : m) }')"

    printf '%s %s %s\n' "$assign" \
        "$(container_times "$start" created <<<"$json" | time_span)" \
        "$(container_times "$start" started <<<"$json" | time_span)"
}

# Prints "tasks_ms created_first created_last started_first started_last healthy_last" for SERVICE's
# scale at START; healthy_last is 0 for a service without a health check.
service_phases() {
    local service="$1" start="$2" ids json tasks tasks_created healthy=0

    ids="$(swarm_docker ps -q --filter "label=com.docker.swarm.service.name=$service")"
    # shellcheck disable=SC2086 # one argument per container id
    json="$(swarm_docker inspect $ids)"

    tasks="$(swarm_docker service ps -q --filter desired-state=running "$service")"
    # shellcheck disable=SC2086 # one argument per task id
    tasks="$(swarm_docker inspect $tasks)"
    tasks_created="$(jq -r '.[].CreatedAt' <<<"$tasks" | times_after "$start" | time_span)"

    # A task with a health check turns running when it is first healthy.
    if [[ "$(jq -r '.[0].State.Health.Status // ""' <<<"$json")" != "" ]]; then
        healthy="$(jq -r '.[].Status.Timestamp' <<<"$tasks" | time_span)"
    fi

    printf '%s %s %s %s\n' "${tasks_created%% *}" \
        "$(container_times "$start" created <<<"$json" | time_span)" \
        "$(container_times "$start" started <<<"$json" | time_span)" \
        "${healthy##* }"
}

swarm_phases() { service_phases "$HC_SERVICE" "$1"; }
plain_phases() { service_phases "$PLAIN_SERVICE" "$1"; }

# ---------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------

T_START=0
T_CLI=0
T_CONVERGED=0

# One run of SYSTEM (berth or swarm): scale up, read where the time went, scale down, settle.
measure() {
    local system="$1" run="$2" load start cli converged phases down gone
    load="$(cut -d' ' -f1 /proc/loadavg)"

    "scale_$system" "$REPLICAS" "$OUT_DIR/$system-$run-up.timeline"
    start="$T_START" cli="$T_CLI" converged="$T_CONVERGED"
    phases="$("${system}_phases" "$start")"
    say "$system run $run: $((converged - start)) ms to $REPLICAS running" \
        "(the CLI took $((cli - start)) ms; load average $load)"

    "scale_$system" 1 "$OUT_DIR/$system-$run-down.timeline"
    down=$((T_CONVERGED - T_START))
    wait_for "single $system container left" "$TIMEOUT" "one_${system}_container"
    gone=$(($(now_ms) - T_START))
    say "$system run $run: back to 1 in $down ms, to 1 container in $gone ms"

    record "$system $run $load $start $cli $converged $phases $down $gone"
    sleep "$SETTLE_SECONDS"
}

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

median() {
    sort -n | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

# Milliseconds after the run's start, or "-" for a time that was not found.
rel() { if (($1 > 0)); then printf '%s' $(($1 - $2)); else printf -- '-'; fi; }

# The median of "converged - start" of SYSTEM's runs, or with FROM (a field), of "converged - FROM".
system_median() {
    local system="$1" from="${2:-4}"
    awk -v sys="$system" -v from="$from" '$1 == sys && $2 > 0 && $from > 0 { print $6 - $from }' <<<"$RESULTS" |
        median
}

report_berth() {
    echo "berth: run load | cli assignment_sent first_created last_created first_started last_started" \
        "| converged | from_assignment | down_listed down_removed"
    awk '$1 == "berth"' <<<"$RESULTS" | while read -r _ run load s cli conv assign c1 c2 s1 s2 dl dr; do
        echo "berth $run $load | $(rel "$cli" "$s") $(rel "$assign" "$s") $(rel "$c1" "$s") $(rel "$c2" "$s")" \
            "$(rel "$s1" "$s") $(rel "$s2" "$s") | $((conv - s)) | $(rel "$conv" "$assign") | $dl $dr"
    done
}

report_service() {
    local system="$1"
    echo "$system: run load | cli tasks_created first_created last_created first_started last_started" \
        "last_healthy | converged | from_tasks | down_listed down_removed"
    awk -v sys="$system" '$1 == sys' <<<"$RESULTS" |
        while read -r _ run load s cli conv tasks c1 c2 s1 s2 h dl dr; do
            echo "$system $run $load | $(rel "$cli" "$s") $(rel "$tasks" "$s") $(rel "$c1" "$s") $(rel "$c2" "$s")" \
                "$(rel "$s1" "$s") $(rel "$s2" "$s") $(rel "$h" "$s") | $((conv - s)) | $(rel "$conv" "$tasks")" \
                "| $dl $dr"
        done
}

report() {
    local file="$OUT_DIR/results.txt" berth swarm plain

    berth="$(system_median berth)"
    swarm="$(system_median swarm)"
    plain="$(system_median plain)"
    {
        echo "# Convergence benchmark: 1 -> $REPLICAS instances of samples/hello; times in ms from the scale command"
        echo "# machine: $(machine_summary), .NET SDK $(dotnet --version)"
        echo "# $(lscpu | sed -n 's/^Model name: *//p'); Berth built from $SRC_DESCRIPTION"
        echo "# run 0 is the warm-up, left out of the medians"
        echo
        report_berth
        echo
        report_service swarm
        echo
        report_service plain
        echo
        echo "median berth: $berth ms (from the assignment sent: $(system_median berth 7) ms)"
        echo "median swarm (health-checked): $swarm ms (from the tasks created: $(system_median swarm 7) ms)"
        echo "median plain (no health check, ports probed by the script): $plain ms" \
            "(from the tasks created: $(system_median plain 7) ms)"
        awk -v b="$berth" -v s="$swarm" -v p="$plain" 'BEGIN {
            printf "ratio berth/swarm: %.2f (goal: at most 0.80)\n", b / s
            printf "ratio berth/plain: %.2f\n", b / p
        }'
    } | tee "$file"
    say "results in $file"
}

main() {
    check_prerequisites
    trap cleanup EXIT INT TERM

    prepare_source
    copy_watcher_source
    start_berth
    deploy_sample
    start_swarm

    local run systems=(berth swarm plain) i
    for run in $(seq 0 "$RUNS"); do
        for i in 0 1 2; do
            measure "${systems[(run + i) % 3]}" "$run"
        done
    done

    report
}

main "$@"
