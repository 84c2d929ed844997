# shellcheck shell=bash
# The shell that bench/convergence/run.sh and bench/rollout/run.sh share: messages, the `berth`
# and `docker` wrappers, waiting, the sources to build, the local Berth cluster
# (deploy/local-cluster.sh) and the sample app pushed to it, the extra dockerd run as a
# single-node swarm, and the clean-up trap that copies the logs and stops all of it. Sourced by
# both scripts (never run); it defines functions and the state variables they keep.
#
# A caller sets, before sourcing it:
#   SCRIPT_NAME        the prefix of its messages ("convergence: ...")
#   REPO_ROOT          the repository's top folder, where Berth is built from unless SOURCE=head
#   STATE_DIR          the Berth cluster's state (deploy/local-cluster.sh's BERTH_STATE_DIR)
#   SWARM_DIR          the swarm engine's files (deleted by stop_swarm)
# and exports the cluster's ports (BERTH_REGISTRY_PORT, BERTH_API_PORT, BERTH_GIT_PORT,
# BERTH_EDGE_PORT, BERTH_NODE_PORT_BASE); and, before calling its functions, sets:
#   OUT_DIR            results; save_logs copies the logs to $OUT_DIR/logs
#   SOURCE             head or worktree (BENCH_SOURCE, see prepare_source)
#   SRC_COPY_TEMPLATE  mktemp's template for the copy of the last commit (SOURCE=head)
#   APP                the sample pushed (samples/$APP)
#   API_PORT           the control plane's API port (BERTH_API_PORT)
#   SWARM_LISTEN       the swarm's control address (127.0.0.1:port)
#   SWARM_NAMESPACE    the swarm engine's containerd namespace (and NAMESPACE-plugins)
#   SWARM_SERVICES     (array) the swarm services stop_swarm removes
#   SWARM_LOGS         (array) files in SWARM_DIR that save_logs copies under their own names,
#                      besides the engine's dockerd.log (copied as swarm-dockerd.log)
# and defines the function
#   stop_own_processes   cleanup's first step: stops the processes only that script starts.
#
# Sourcing it exports the rest of the cluster's settings (below) and sets TOKEN_FILE and
# SWARM_SOCKET; the state it keeps, set on sourcing and read by the caller too, is:
#   SRC_ROOT, SRC_COPY, SRC_DESCRIPTION   set by prepare_source
#   CLUSTER_STARTED, SWARM_STARTED        1 once start_cluster, start_swarm_engine began
#   IMAGE                                 set by find_image
#   RESULTS                               the lines added by record

# The settings of every deploy/local-cluster.sh call besides the ports: 3 nodes (the functions
# below use nodes 1 to 3), no sample app, no CLI installed, every part built at `up`; the CLI's
# configuration in the cluster's state.
export BERTH_STATE_DIR="$STATE_DIR" BERTH_NODES=3
export BERTH_SAMPLE=0 BERTH_INSTALL_CLI=0 BERTH_BUILD=1
export BERTH_CONFIG="$STATE_DIR/cli.json" GIT_TERMINAL_PROMPT=0

readonly TOKEN_FILE="$STATE_DIR/controlplane/token"
readonly SWARM_SOCKET="$SWARM_DIR/docker.sock"

# Where Berth is built from and which commit that is; set by prepare_source.
SRC_ROOT="$REPO_ROOT"
SRC_COPY=""
SRC_DESCRIPTION=""

CLUSTER_STARTED=0
SWARM_STARTED=0
IMAGE=""
RESULTS=""

say() { printf '%s: %s\n' "$SCRIPT_NAME" "$*" >&2; }
fail() {
    printf '%s: error: %s\n' "$SCRIPT_NAME" "$*" >&2
    exit 1
}

now_ms() { date +%s%3N; }

berth() { timeout 60 "$STATE_DIR/bin/cli/berth" "$@"; }
node_docker() {
    local node="$1"
    shift
    timeout 60 docker -H "unix://$STATE_DIR/nodes/node-$node/docker.sock" "$@"
}
swarm_docker() { timeout 60 docker -H "unix://$SWARM_SOCKET" "$@"; }
cluster() { bash "$SRC_ROOT/deploy/local-cluster.sh" "$@"; }

# Adds a line (its arguments) to RESULTS.
record() { RESULTS+="$*"$'\n'; }

# ---------------------------------------------------------------------------
# Clean-up
# ---------------------------------------------------------------------------

# The trap on EXIT, INT and TERM: stops the script's own processes (stop_own_processes), copies
# the logs, removes the swarm and its engine, purges the Berth cluster and deletes the copy of the
# sources; exits with the script's status.
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    set +e

    stop_own_processes
    # The logs are copied first: stop_swarm deletes the swarm's directory, where some of them are.
    ((CLUSTER_STARTED)) && save_logs
    if ((SWARM_STARTED)); then
        stop_swarm
    fi
    if ((CLUSTER_STARTED)); then
        say "stopping the Berth cluster (down --purge)"
        cluster down --purge >&2
        stop_strays
    fi
    [[ -n "$SRC_COPY" ]] && rm -rf "$SRC_COPY"
    exit "$status"
}

# Copies the cluster's logs, the swarm engine's and the SWARM_LOGS files to $OUT_DIR/logs.
save_logs() {
    local file
    mkdir -p "$OUT_DIR/logs"
    cp -a "$STATE_DIR/logs/." "$OUT_DIR/logs/" 2>/dev/null
    [[ -f "$SWARM_DIR/dockerd.log" ]] && cp "$SWARM_DIR/dockerd.log" "$OUT_DIR/logs/swarm-dockerd.log"
    for file in "${SWARM_LOGS[@]}"; do
        [[ -f "$SWARM_DIR/$file" ]] && cp "$SWARM_DIR/$file" "$OUT_DIR/logs/$file"
    done
    say "logs copied to $OUT_DIR/logs"
}

# Processes running from this benchmark's state directory that no pid file names any more: one
# that local-cluster.sh took for dead while it was still starting (see start_cluster). Matched by
# their command line, which holds the state directory, and stopped by pid.
stray_pids() {
    local dir pid
    for dir in /proc/[0-9]*; do
        pid="${dir#/proc/}"
        [[ "$pid" != "$$" ]] || continue
        if tr '\0' ' ' 2>/dev/null <"$dir/cmdline" | grep -qF -- "$STATE_DIR/bin/"; then
            printf '%s\n' "$pid"
        fi
    done
}

stop_strays() {
    local pid
    for pid in $(stray_pids); do
        say "stopping stray process $pid ($(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | cut -c1-80))"
        kill -TERM "$pid" 2>/dev/null || continue
        wait_for_exit "$pid" 20 || kill -KILL "$pid" 2>/dev/null
    done
    return 0
}

# Removes SWARM_SERVICES, leaves the swarm, stops its dockerd (and containerd) and deletes SWARM_DIR.
stop_swarm() {
    local pid
    say "removing the swarm service, leaving the swarm, stopping its dockerd"
    swarm_docker service rm "${SWARM_SERVICES[@]}" >/dev/null 2>&1
    swarm_docker swarm leave --force >/dev/null 2>&1

    pid="$(cat "$SWARM_DIR/dockerd.pid" 2>/dev/null)"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        wait_for_exit "$pid" 40 || kill -KILL "$pid"
    fi

    # dockerd stops the containerd it started; one that outlived a killed dockerd is stopped here.
    pid="$(cat "$SWARM_DIR/exec/containerd/containerd.pid" 2>/dev/null)"
    if [[ -n "$pid" ]] && grep -qa "$SWARM_DIR/exec/containerd" "/proc/$pid/cmdline" 2>/dev/null; then
        kill -TERM "$pid"
        wait_for_exit "$pid" 15 || kill -KILL "$pid"
    fi

    findmnt -rn -o TARGET | grep -F "$SWARM_DIR/" | sort -r | xargs -r umount -l
    rm -rf "$SWARM_DIR"
}

# Waits until PID has exited, at most SECONDS; fails if it still runs then.
wait_for_exit() {
    local pid="$1" deadline=$((SECONDS + $2))
    while kill -0 "$pid" 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# ---------------------------------------------------------------------------
# Set-up
# ---------------------------------------------------------------------------

# Fails unless this runs as root, with the tools both benchmarks use, and neither SWARM_DIR nor
# STATE_DIR is left from an earlier run.
check_host() {
    [[ "$(id -u)" == "0" ]] || fail "run as root (it starts Docker engines)"
    local tool
    for tool in dockerd docker jq git curl dotnet findmnt; do
        command -v "$tool" >/dev/null || fail "$tool is needed"
    done
    [[ ! -e "$SWARM_DIR" ]] || fail "$SWARM_DIR exists (a run that did not clean up?); remove it first"
    [[ ! -e "$STATE_DIR" ]] || fail "$STATE_DIR exists; stop it with BERTH_STATE_DIR=$STATE_DIR" \
        "deploy/local-cluster.sh down --purge"
}

port_in_use() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# The sources to build: with SOURCE=head a copy of the last commit (git archive, deleted at exit),
# so that edits in progress in the working tree neither break nor change the run; with
# SOURCE=worktree the working tree as it is. Sets SRC_ROOT, SRC_COPY and SRC_DESCRIPTION.
prepare_source() {
    local commit
    commit="$(git -C "$REPO_ROOT" rev-parse --short HEAD)"

    case "$SOURCE" in
        head)
            SRC_COPY="$(mktemp -d "$SRC_COPY_TEMPLATE")"
            SRC_ROOT="$SRC_COPY"
            git -C "$REPO_ROOT" archive HEAD | tar -x -C "$SRC_ROOT"
            SRC_DESCRIPTION="commit $commit"
            ;;
        worktree)
            SRC_DESCRIPTION="commit $commit with the working tree's changes"
            ;;
        *) fail "BENCH_SOURCE must be head or worktree, not '$SOURCE'" ;;
    esac
    say "building Berth from $SRC_DESCRIPTION"
}

# Starts the Berth cluster in STATE_DIR: deploy/local-cluster.sh up, which builds every part first.
start_cluster() {
    say "starting the Berth cluster in $STATE_DIR (dotnet publish of every part first)"
    CLUSTER_STARTED=1

    # Under load, local-cluster.sh can check a process it just launched before the process has
    # exec'd, take it for dead and fail while it runs on; so one failed `up` is retried with the
    # binaries already built, after stopping what the first attempt left. (At exit, cleanup
    # copies STATE_DIR's logs to OUT_DIR before it purges STATE_DIR.)
    if ! (cluster up >&2); then
        say "local-cluster.sh up failed; stopping what it started and trying once more"
        cluster down >&2 || true
        stop_strays
        (BERTH_BUILD=0 cluster up >&2) || fail "deploy/local-cluster.sh up failed twice; see $OUT_DIR/logs"
    fi
}

# Logs the CLI in to the cluster's control plane and waits for its 3 nodes to be ready.
log_in() {
    berth login "http://127.0.0.1:$API_PORT" --token-file "$TOKEN_FILE" >&2
    wait_for "3 ready nodes" 90 three_nodes_ready
}

three_nodes_ready() { [[ "$(berth nodes:list | grep -cw ready)" == 3 ]]; }

# Runs CHECK every half second until it succeeds, at most SECONDS.
wait_for() {
    local what="$1" seconds="$2" deadline
    shift 2
    deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || fail "no $what within $seconds s"
        sleep 0.5
    done
}

# Creates APP on the cluster and pushes a copy of samples/APP to it by git, after WRITER DIR has
# written the benchmark's files (its app.json) into the copy DIR.
push_app() {
    local writer="$1" repo="$STATE_DIR/sample-$APP"

    berth apps:create "$APP" >&2
    mkdir -p "$repo"
    cp -a "$SRC_ROOT/samples/$APP/." "$repo/"
    "$writer" "$repo"
    git -C "$repo" init -q -b main
    git -C "$repo" add -A
    git -C "$repo" -c user.name=bench -c user.email=bench@berth.invalid commit -q -m "$APP"
    (cd "$repo" && berth git:remote "$APP" >&2)
    timeout 300 git -C "$repo" push -q berth main >&2 || fail "git push berth main failed"
}

# `docker ps` on every node engine for the app's running containers, with ARGS (e.g. --format).
berth_containers() {
    local node
    for node in 1 2 3; do
        node_docker "$node" ps --filter "label=berth.app=$APP" "$@"
    done
}

# Sets IMAGE to the image Berth built for APP: that of its first running container.
find_image() {
    IMAGE="$(berth_containers --format '{{.Image}}' | awk 'NR == 1')"
    [[ -n "$IMAGE" ]] || fail "cannot find the image Berth runs for $APP"
    say "Berth runs $IMAGE"
}

# Starts one more dockerd in SWARM_DIR, with the node engines' flags, and makes it a single-node
# swarm listening on SWARM_LISTEN.
start_swarm_engine() {
    say "starting the swarm engine in $SWARM_DIR (the node engines' flags)"
    mkdir -p "$SWARM_DIR/data" "$SWARM_DIR/exec"
    echo '{}' >"$SWARM_DIR/daemon.json"
    SWARM_STARTED=1
    (
        exec setsid dockerd \
            --data-root "$SWARM_DIR/data" \
            --exec-root "$SWARM_DIR/exec" \
            -H "unix://$SWARM_SOCKET" \
            --pidfile "$SWARM_DIR/dockerd.pid" \
            --config-file "$SWARM_DIR/daemon.json" \
            --containerd-namespace "$SWARM_NAMESPACE" \
            --containerd-plugins-namespace "$SWARM_NAMESPACE-plugins" \
            --bridge=none \
            --iptables=false \
            --ip6tables=false \
            --userland-proxy=false \
            </dev/null >"$SWARM_DIR/dockerd.log" 2>&1
    ) &
    wait_for "answer from the swarm engine" 90 swarm_docker info

    swarm_docker swarm init --advertise-addr "$SWARM_LISTEN" --listen-addr "$SWARM_LISTEN" >/dev/null
}

# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------

# The machine, for a report's header: cores, memory, kernel and the swarm engine's dockerd version.
machine_summary() {
    printf '%s cores, %s, %s, dockerd %s' "$(nproc)" \
        "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)" "$(uname -sr)" \
        "$(swarm_docker version --format '{{.Server.Version}}' 2>/dev/null)"
}
