#!/usr/bin/env bash
# Rollout benchmark: what a client sees while a new release of a web app rolls out, with Berth
# and with Docker Swarm, on this machine and in the same run. For each: failed requests (socket
# errors), answers that are not 2xx or 3xx, the p99 latency under load, and how long the rollout
# took.
#
#   bash bench/rollout/run.sh
#
# Berth: a local cluster of 3 nodes (deploy/local-cluster.sh, on ports of its own), samples/hello
# deployed by git push with an app.json that gives web an HTTP health check of /, scaled to 6
# instances. A rollout is `berth config:set hello BENCH_RUN=<n>`: a new release with the same
# image, rolled out instance by instance (max_parallel 1). Load goes through the edge.
# Swarm: one more dockerd, started with the node engines' flags, as a single-node swarm, with a
# service of the image Berth built, 6 replicas (host network, an init process), a health check
# that fetches / every second, updates one task at a time, start-first. PORT comes from the task
# slot and a service label, berth.color, that flips between 0 and 1 on every rollout, so a new
# task (port 161xx) never collides with the old one it replaces (port 160xx). Swarm's routing mesh
# does not work on this machine, so HAProxy (Debian's) stands in front: one port, the 12 possible
# task ports as servers with active health checks every 500 ms. A rollout is
# `docker service update --label-add berth.color=<c> --env-add BENCH_RUN=<n>`.
#
# Load: wrk with BENCH_WRK_CONNECTIONS (16) connections on BENCH_WRK_THREADS (2) threads, each
# connection pausing BENCH_WRK_DELAY_MS (10) ms after every answer (wrk's delay() hook), so both
# systems get the same offered load and the machine keeps CPU for the rollout itself. wrk starts
# 1 s before the rollout command and is stopped (SIGINT, which makes it print its figures) 1 s
# after the rollout is complete: 6 running containers, all of the new release (Berth: label
# berth.release; Swarm: label berth.color), none of the old one.
# Each run measures both, starting with a different one each time, after one unmeasured warm-up
# rollout of each (run 0, left out of the medians).
#
# Settings (environment, with defaults):
#   BENCH_RUNS             3                        measured rollouts of each system
#   BENCH_INSTANCES        6                        web instances (at most 99)
#   BENCH_WRK_CONNECTIONS  16                       wrk connections
#   BENCH_WRK_THREADS      2                        wrk threads
#   BENCH_WRK_DELAY_MS     10                       pause after each answer, per connection
#   BENCH_TIMEOUT          240                      seconds one rollout may take
#   BENCH_MAX_SECONDS      3600                     the whole script is stopped (and cleans up) after this
#   BENCH_STATE_DIR        /tmp/berth-rollout       the Berth cluster's state (purged at exit)
#   BENCH_SWARM_DIR        /tmp/berth-rollout-swarm the swarm engine's and HAProxy's files (deleted at exit)
#   BENCH_OUT_DIR          /tmp/berth-rollout-<time>  results, wrk outputs and copies of the logs
#   BENCH_SOURCE           head                     head: build Berth from the last commit (a copy made
#                                                   with git archive, deleted at exit); worktree: build
#                                                   the working tree as it is
# Ports: registry 15400, API 17400, git 17401, edge 18400, node ports 3000-5999 (3 nodes), swarm
# control 127.0.0.1:17477, swarm tasks 16001-16099 and 16101-16199, HAProxy 18401; all below the
# kernel's ephemeral ports and none used by deploy/local-cluster.sh's defaults, the integration
# tests or bench/convergence, so the benchmark runs beside them.
#
# Everything it starts is stopped on exit (trap): wrk, HAProxy, the swarm service, the swarm
# (leave --force), its dockerd, and the Berth cluster (local-cluster.sh down --purge).
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/../.." && pwd)"
readonly SCRIPT_DIR REPO_ROOT

readonly RUNS="${BENCH_RUNS:-3}"
readonly INSTANCES="${BENCH_INSTANCES:-6}"
readonly WRK_CONNECTIONS="${BENCH_WRK_CONNECTIONS:-16}"
readonly WRK_THREADS="${BENCH_WRK_THREADS:-2}"
readonly WRK_DELAY_MS="${BENCH_WRK_DELAY_MS:-10}"
readonly TIMEOUT="${BENCH_TIMEOUT:-240}"
readonly MAX_SECONDS="${BENCH_MAX_SECONDS:-3600}"
readonly STATE_DIR="${BENCH_STATE_DIR:-/tmp/berth-rollout}"
readonly SWARM_DIR="${BENCH_SWARM_DIR:-/tmp/berth-rollout-swarm}"
readonly OUT_DIR="${BENCH_OUT_DIR:-/tmp/berth-rollout-$(date -u +%Y%m%d-%H%M%S)}"
readonly SOURCE="${BENCH_SOURCE:-head}"
readonly SETTLE_SECONDS=5

readonly APP="hello"
readonly API_PORT=17400
readonly EDGE_PORT=18400
readonly HAPROXY_PORT=18401
readonly SWARM_LISTEN="127.0.0.1:17477"
readonly SERVICE="hello-rollout"
# A swarm task listens on 16<color><slot>, e.g. 16001 for slot 1 of color 0, 16101 of color 1.
readonly SWARM_PORT_PREFIX=16

# The cluster's ports, exported for every local-cluster.sh call; bench/lib.sh exports its other
# settings (BERTH_STATE_DIR=$STATE_DIR, 3 nodes, ...) and sets TOKEN_FILE and SWARM_SOCKET.
export BERTH_REGISTRY_PORT=15400 BERTH_API_PORT="$API_PORT" BERTH_GIT_PORT=17401 BERTH_EDGE_PORT="$EDGE_PORT"
export BERTH_NODE_PORT_BASE=3000

# The rest of what bench/lib.sh needs (see its header).
readonly SCRIPT_NAME="rollout"
readonly SRC_COPY_TEMPLATE="/tmp/berth-rollout-src.XXXXXX"
readonly SWARM_NAMESPACE="berth-rollout-swarm"
readonly -a SWARM_SERVICES=("$SERVICE")
readonly -a SWARM_LOGS=(haproxy.log)

# shellcheck source-path=SCRIPTDIR source=../lib.sh
source "$SCRIPT_DIR/../lib.sh"

WRK_PID=""
HAPROXY_PID=""
WATCHDOG_PID=""
SWARM_COLOR=0

# ---------------------------------------------------------------------------
# Clean-up
# ---------------------------------------------------------------------------

# Called first by cleanup (bench/lib.sh), the trap that stops everything else.
stop_own_processes() {
    [[ -n "$WATCHDOG_PID" ]] && kill "$WATCHDOG_PID" 2>/dev/null
    [[ -n "$WRK_PID" ]] && kill -KILL "$WRK_PID" 2>/dev/null
    [[ -n "$HAPROXY_PID" ]] && kill -TERM "$HAPROXY_PID" 2>/dev/null
}

# Stops the whole script (and so cleans up) once MAX_SECONDS have passed.
start_watchdog() {
    (
        sleep "$MAX_SECONDS"
        printf '%s: error: still running after %s s (BENCH_MAX_SECONDS); stopping\n' "$SCRIPT_NAME" \
            "$MAX_SECONDS" >&2
        kill -TERM $$
    ) &
    WATCHDOG_PID=$!
}

# ---------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------

check_prerequisites() {
    check_host
    [[ "$INSTANCES" =~ ^[1-9][0-9]?$ ]] || fail "BENCH_INSTANCES must be 1 to 99, not '$INSTANCES'"
    [[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || fail "BENCH_RUNS must be a whole number of at least 1, not '$RUNS'"
    install_missing wrk haproxy

    local port
    for port in $(all_swarm_ports) "$HAPROXY_PORT" "${SWARM_LISTEN#*:}"; do
        ! port_in_use "$port" || fail "port $port (swarm tasks, HAProxy or swarm control) is in use"
    done
    mkdir -p "$OUT_DIR"
}

# Installs Debian's package of each TOOL that is not on the PATH.
install_missing() {
    local tool missing=()
    for tool in "$@"; do
        command -v "$tool" >/dev/null || missing+=("$tool")
    done
    ((${#missing[@]} == 0)) && return 0

    say "installing ${missing[*]} (apt-get)"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 ||
        fail "could not install ${missing[*]}; install them and run again"
}

swarm_port() { printf '%s%s%02d' "$SWARM_PORT_PREFIX" "$1" "$2"; }

all_swarm_ports() {
    local color slot
    for color in 0 1; do
        for slot in $(seq 1 "$INSTANCES"); do
            swarm_port "$color" "$slot"
            echo
        done
    done
}

# The app.json the benchmark adds to samples/hello: an HTTP check of / for web, quick to pass, so
# the rollout waits for a page and not for the settle time used without checks.
write_app_json() {
    cat >"$1/app.json" <<'EOF'
{
  "healthchecks": {
    "web": [
      {
        "type": "startup",
        "name": "web answers /",
        "path": "/",
        "content": "hello from",
        "attempts": 10,
        "wait": 1,
        "timeout": 2,
        "initialDelay": 0
      }
    ]
  }
}
EOF
}

deploy_app() {
    say "deploying samples/$APP (with an app.json health check) by git push"
    push_app write_app_json

    say "scaling $APP to $INSTANCES web instances"
    berth ps:scale "$APP" "web=$INSTANCES" >&2
    wait_for "$INSTANCES running $APP containers of one release" "$TIMEOUT" berth_one_release_running
    wait_for "answer from $APP through the edge" 60 \
        curl -fsS --max-time 3 -H "Host: $APP.localhost" "http://127.0.0.1:$EDGE_PORT/"

    find_image
}

berth_releases() { berth_containers --format '{{.Label "berth.release"}}'; }

# True when exactly INSTANCES containers run, all of one release, and that release is not OLD.
berth_one_release_running() {
    local old="${1:-}" releases
    releases="$(berth_releases)"
    [[ "$(grep -c . <<<"$releases")" == "$INSTANCES" ]] || return 1
    [[ "$(sort -u <<<"$releases" | wc -l)" == 1 ]] || return 1
    [[ "$(head -n 1 <<<"$releases")" != "$old" ]]
}

start_swarm() {
    start_swarm_engine
    create_service
}

# Same image and command as Berth's instances: host network, an init process, PORT, DYNO and
# BERTH_NODE. The health check fetches / and wants a 200, as Berth's app.json check does ($PORT
# is expanded by its shell in the container). It speaks HTTP through busybox nc: busybox wget with
# -T exited 139 as a health check in this image. Updates replace one task at a time, starting the new one first.
create_service() {
    say "creating swarm service $SERVICE ($INSTANCES replicas) from $IMAGE"
    # shellcheck disable=SC2016 # $PORT is for the health check's shell, in the container
    swarm_docker service create --detach --quiet \
        --name "$SERVICE" \
        --replicas "$INSTANCES" \
        --network host \
        --init \
        --label berth.color=0 \
        --container-label berth.color=0 \
        --env "PORT=${SWARM_PORT_PREFIX}{{index .Service.Labels \"berth.color\"}}{{printf \"%02s\" .Task.Slot}}" \
        --env 'DYNO=web.{{.Task.Slot}}' \
        --env 'BERTH_NODE={{.Node.Hostname}}' \
        --health-cmd 'printf "GET / HTTP/1.0\r\n\r\n" | nc -w 2 127.0.0.1 $PORT | grep -q "^HTTP/1.[01] 200"' \
        --health-interval 1s \
        --health-timeout 2s \
        --health-retries 3 \
        --update-order start-first \
        --update-parallelism 1 \
        --update-delay 0s \
        --update-failure-action pause \
        "$IMAGE" >/dev/null
    wait_for "$INSTANCES running tasks of $SERVICE" "$TIMEOUT" swarm_one_color_running 0 ""
    curl -fsS --max-time 3 "http://127.0.0.1:$(swarm_port 0 1)/" >/dev/null ||
        fail "slot 1 of $SERVICE does not answer on port $(swarm_port 0 1): the PORT template did not work"
}

swarm_colors() {
    swarm_docker ps --filter "label=com.docker.swarm.service.name=$SERVICE" --format '{{.Label "berth.color"}}'
}

# True when exactly INSTANCES containers run, all of COLOR, every task is healthy and the update
# (if any) is complete.
swarm_one_color_running() {
    local color="$1" colors state
    colors="$(swarm_colors)"
    [[ "$(grep -c . <<<"$colors")" == "$INSTANCES" ]] || return 1
    [[ "$(sort -u <<<"$colors")" == "$color" ]] || return 1
    # A task with a health check counts as running only once healthy.
    [[ "$(swarm_docker service ls --filter "name=$SERVICE" --format '{{.Replicas}}')" == "$INSTANCES/$INSTANCES" ]] ||
        return 1
    state="$(swarm_docker service inspect --format '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' "$SERVICE")"
    [[ -z "$state" || "$state" == "completed" ]]
}

start_haproxy() {
    local config="$SWARM_DIR/haproxy.cfg" color slot
    say "starting HAProxy on 127.0.0.1:$HAPROXY_PORT in front of the swarm tasks"
    {
        cat <<EOF
global
    maxconn 2000

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    # A connection refused is tried again on another server; a request already sent is not.
    retries 3
    option redispatch

frontend hello
    bind 127.0.0.1:$HAPROXY_PORT
    default_backend tasks

backend tasks
    balance roundrobin
    option httpchk GET /
    default-server check inter 500 fall 2 rise 1
EOF
        for color in 0 1; do
            for slot in $(seq 1 "$INSTANCES"); do
                printf '    server c%s-s%s 127.0.0.1:%s\n' "$color" "$slot" "$(swarm_port "$color" "$slot")"
            done
        done
    } >"$config"

    haproxy -c -q -f "$config" || fail "HAProxy rejects $config"
    setsid haproxy -db -f "$config" </dev/null >"$SWARM_DIR/haproxy.log" 2>&1 &
    HAPROXY_PID=$!
    wait_for "answer from HAProxy" 30 curl -fsS --max-time 3 "http://127.0.0.1:$HAPROXY_PORT/"
    # Servers start up; give the checks time to mark the ports nobody listens on down.
    sleep 3
}

# ---------------------------------------------------------------------------
# Load
# ---------------------------------------------------------------------------

write_wrk_script() {
    cat >"$STATE_DIR/pace.lua" <<EOF
-- Each connection pauses $WRK_DELAY_MS ms after every answer, so the offered load is bounded.
function delay()
    return $WRK_DELAY_MS
end
EOF
}

# Starts wrk against URL with HOST, writing to OUTPUT; runs until stop_load (or TIMEOUT + 60 s).
start_load() {
    local url="$1" host="$2" output="$3"
    wrk --threads "$WRK_THREADS" --connections "$WRK_CONNECTIONS" --duration "$((TIMEOUT + 60))s" \
        --timeout 5s --latency --script "$STATE_DIR/pace.lua" --header "Host: $host" "$url" >"$output" 2>&1 &
    WRK_PID=$!
}

stop_load() {
    kill -INT "$WRK_PID" 2>/dev/null || true
    wait "$WRK_PID" || fail "wrk failed; see its output in $OUT_DIR"
    WRK_PID=""
}

# Prints "requests rps socket_errors non_2xx p99_ms" from a wrk output.
wrk_figures() {
    awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /m$/) return substr(v, 1, length(v) - 1) * 60000
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v
        }
        $1 == "99%" { p99 = ms($2) }
        $2 == "requests" && $3 == "in" { requests = $1 }
        /Socket errors:/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ { non2xx = $5 }
        /^Requests\/sec:/ { rps = $2 }
        END { printf "%d %.0f %d %d %.2f\n", requests, rps, errors, non2xx, p99 }
    ' "$1"
}

# ---------------------------------------------------------------------------
# Rollouts
# ---------------------------------------------------------------------------

T_START=0
T_CLI=0
T_DONE=0

# Rolls out a new release of the app on Berth (config:set) and waits until it is complete.
rollout_berth() {
    local run="$1" old cli_pid deadline=$((SECONDS + TIMEOUT))
    old="$(berth_releases | awk 'NR == 1')"

    T_START="$(now_ms)"
    timeout "$TIMEOUT" "$STATE_DIR/bin/cli/berth" config:set "$APP" "BENCH_RUN=$run" \
        >"$OUT_DIR/berth-$run-config-set.txt" 2>&1 &
    cli_pid=$!

    T_CLI=0
    until berth_one_release_running "$old"; do
        ((SECONDS < deadline)) || fail "Berth's rollout $run did not complete within $TIMEOUT s"
        if ((T_CLI == 0)) && ! kill -0 "$cli_pid" 2>/dev/null; then
            T_CLI="$(now_ms)"
        fi
        sleep 0.25
    done
    T_DONE="$(now_ms)"
    wait "$cli_pid" || fail "berth config:set failed; see $OUT_DIR/berth-$run-config-set.txt"
    ((T_CLI > 0)) || T_CLI="$(now_ms)"
}

# Rolls out a new task spec of the swarm service (the other color) and waits until it is complete.
rollout_swarm() {
    local run="$1" deadline=$((SECONDS + TIMEOUT))
    SWARM_COLOR=$((1 - SWARM_COLOR))

    T_START="$(now_ms)"
    swarm_docker service update --detach --quiet \
        --label-add "berth.color=$SWARM_COLOR" \
        --container-label-add "berth.color=$SWARM_COLOR" \
        --env-add "BENCH_RUN=$run" \
        "$SERVICE" >/dev/null || fail "docker service update $SERVICE failed"
    T_CLI="$(now_ms)"

    until swarm_one_color_running "$SWARM_COLOR"; do
        ((SECONDS < deadline)) || fail "Swarm's rollout $run did not complete within $TIMEOUT s"
        sleep 0.25
    done
    T_DONE="$(now_ms)"
}

# One rollout of SYSTEM (berth or swarm) under load.
measure() {
    local system="$1" run="$2" load output figures requests rps errors non2xx p99
    load="$(cut -d' ' -f1 /proc/loadavg)"
    output="$OUT_DIR/$system-$run.wrk"

    if [[ "$system" == berth ]]; then
        start_load "http://127.0.0.1:$EDGE_PORT/" "$APP.localhost" "$output"
    else
        start_load "http://127.0.0.1:$HAPROXY_PORT/" "$APP.localhost" "$output"
    fi
    sleep 1

    "rollout_$system" "$run"
    sleep 1
    stop_load

    figures="$(wrk_figures "$output")"
    read -r requests rps errors non2xx p99 <<<"$figures"
    say "$system run $run: rollout $((T_DONE - T_START)) ms (command $((T_CLI - T_START)) ms);" \
        "$requests requests ($rps/s), $errors socket errors, $non2xx not 2xx/3xx, p99 $p99 ms; load $load"
    record "$system $run $load $((T_DONE - T_START)) $((T_CLI - T_START)) $figures"
    sleep "$SETTLE_SECONDS"
}

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

median() {
    sort -n | awk '{ v[NR] = $1 }
        END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2];
              else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The median of FIELD over SYSTEM's measured runs (run 0 is the warm-up).
field_median() {
    awk -v sys="$1" -v f="$2" '$1 == sys && $2 > 0 { print $f }' <<<"$RESULTS" | median
}

# Totals of FIELD over SYSTEM's measured runs.
field_sum() {
    awk -v sys="$1" -v f="$2" '$1 == sys && $2 > 0 { s += $f } END { print s + 0 }' <<<"$RESULTS"
}

report() {
    local file="$OUT_DIR/results.md" system
    {
        echo "# Rollout benchmark: $INSTANCES web instances of samples/hello replaced one at a time under load"
        echo "# wrk: $WRK_THREADS threads, $WRK_CONNECTIONS connections, $WRK_DELAY_MS ms pause after each answer"
        echo "# machine: $(machine_summary), $(haproxy -v | awk 'NR == 1 { print $1, $2, $3 }')," \
            ".NET SDK $(dotnet --version)"
        echo "# Berth built from $SRC_DESCRIPTION; run 0 is the warm-up, left out of the medians and totals"
        echo
        echo "| system | run | load avg | rollout ms | command ms | requests | req/s | socket errors | non-2xx |" \
            "p99 ms |"
        echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
        sort -k2,2n -k1,1 <<<"$RESULTS" | awk 'NF { printf "| %s |\n", $1 " | " $2 " | " $3 " | " $4 " | " $5 \
            " | " $6 " | " $7 " | " $8 " | " $9 " | " $10 }'
        echo
        echo "| system | median rollout ms | median p99 ms | median req/s | socket errors (all runs) |" \
            "non-2xx (all runs) |"
        echo "| --- | --- | --- | --- | --- | --- |"
        for system in berth swarm; do
            echo "| $system | $(field_median "$system" 4) | $(field_median "$system" 10) |" \
                "$(field_median "$system" 7) | $(field_sum "$system" 8) | $(field_sum "$system" 9) |"
        done
    } | tee "$file"
    say "results in $file"
}

main() {
    check_prerequisites
    trap cleanup EXIT INT TERM
    start_watchdog

    prepare_source
    start_cluster
    log_in
    deploy_app
    start_swarm
    start_haproxy
    write_wrk_script

    local run systems=(berth swarm) i
    for run in $(seq 0 "$RUNS"); do
        for i in 0 1; do
            measure "${systems[(run + i) % 2]}" "$run"
        done
    done

    report
}

main "$@"
