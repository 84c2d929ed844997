#!/usr/bin/env bash
# Starts, stops and shows a whole Berth cluster on this machine: an image registry,
# the control plane, one Docker engine and one agent per simulated node, and the edge.
# Every part runs as a background process with a pid file and a log under the state
# directory; nothing is installed as a system service.
#
#   deploy/local-cluster.sh up [--infra-only]   start what is not running (idempotent)
#   deploy/local-cluster.sh down [--purge]      stop everything; --purge deletes the state
#   deploy/local-cluster.sh status              one line per process, and the URLs
#
# Settings (environment, with defaults):
#   BERTH_STATE_DIR       <repo>/.berth/local  state, logs, pid files, binaries
#   BERTH_NODES           3                    simulated nodes (node-1 .. node-N)
#   BERTH_REGISTRY_PORT   5000                 image registry on 127.0.0.1
#   BERTH_API_PORT        7000                 control plane gRPC API on 127.0.0.1
#   BERTH_GIT_PORT        7001                 control plane git smart HTTP on 127.0.0.1
#   BERTH_EDGE_PORT       8080                 edge proxy on 127.0.0.1
#   BERTH_NODE_PORT_BASE  20000                node N allocates base+(N-1)*1000 .. +999
#   BERTH_SAMPLE          1                    deploy samples/hello after start
#   BERTH_INSTALL_CLI     1                    write /usr/local/bin/berth and log it in
#   BERTH_BUILD           1                    dotnet publish Berth (0: use $STATE/bin)
# The node count and ports given to `up` are saved in the state directory, so that a
# later `status`, `down` or `up` without them uses the same values.
#
# `up --infra-only` starts only the registry and the node engines (with the base image),
# for tests that run Berth's own processes themselves.
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/.." && pwd)"
readonly SCRIPT_DIR REPO_ROOT
readonly BASE_IMAGE="berth-base/busybox:1"
readonly SAMPLE_APP="hello"
readonly STATE_MARKER=".berth-local-cluster"

# ---------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------

say() {
    printf 'local-cluster: %s\n' "$*"
}

warn() {
    printf 'local-cluster: warning: %s\n' "$*" >&2
}

fail() {
    printf 'local-cluster: error: %s\n' "$*" >&2
    exit 1
}

usage() {
    cat <<EOF
usage: $0 up [--infra-only] | down [--purge] | status

  up        start the registry, control plane, node engines, agents and edge
            (only what is not running yet), deploy samples/hello, print a summary
  down      stop every process; --purge also deletes $STATE_DIR
  status    show every process and the URLs

Settings come from the environment; see the top of this script.
EOF
}

# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------

STATE_DIR="$(realpath -m -- "${BERTH_STATE_DIR:-$REPO_ROOT/.berth/local}")"
readonly STATE_DIR

declare -A SAVED=()

load_saved_settings() {
    local file="$STATE_DIR/cluster.env" key value
    [[ -f "$file" ]] || return 0

    while IFS='=' read -r key value; do
        [[ -n "$key" ]] && SAVED["$key"]="$value"
    done <"$file"
}

# Prints the setting NAME: from the environment, else the saved value, else DEFAULT.
setting() {
    local name="$1" default="$2"

    if [[ -n "${!name:-}" ]]; then
        printf '%s' "${!name}"
    elif [[ -n "${SAVED[$name]:-}" ]]; then
        printf '%s' "${SAVED[$name]}"
    else
        printf '%s' "$default"
    fi
}

require_number() {
    local name="$1" value="$2" low="$3" high="$4"

    if ! [[ "$value" =~ ^(0|[1-9][0-9]{0,5})$ ]] || ((value < low || value > high)); then
        fail "$name must be a number from $low to $high, not '$value'"
    fi
}

load_settings() {
    load_saved_settings

    NODES="$(setting BERTH_NODES 3)"
    REGISTRY_PORT="$(setting BERTH_REGISTRY_PORT 5000)"
    API_PORT="$(setting BERTH_API_PORT 7000)"
    GIT_PORT="$(setting BERTH_GIT_PORT 7001)"
    EDGE_PORT="$(setting BERTH_EDGE_PORT 8080)"
    NODE_PORT_BASE="$(setting BERTH_NODE_PORT_BASE 20000)"
    SAMPLE="${BERTH_SAMPLE:-1}"
    INSTALL_CLI="${BERTH_INSTALL_CLI:-1}"
    BUILD="${BERTH_BUILD:-1}"

    require_number BERTH_NODES "$NODES" 1 50
    require_number BERTH_REGISTRY_PORT "$REGISTRY_PORT" 1 65535
    require_number BERTH_API_PORT "$API_PORT" 1 65535
    require_number BERTH_GIT_PORT "$GIT_PORT" 1 65535
    require_number BERTH_EDGE_PORT "$EDGE_PORT" 1 65535
    require_number BERTH_NODE_PORT_BASE "$NODE_PORT_BASE" 1024 $((65535 - NODES * 1000))
    require_number BERTH_SAMPLE "$SAMPLE" 0 1
    require_number BERTH_INSTALL_CLI "$INSTALL_CLI" 0 1
    require_number BERTH_BUILD "$BUILD" 0 1
    require_ports_outside_ephemeral_range

    derive_paths
}

# Instances listen on their node's ports; a port the kernel may also hand out as the local
# port of an outgoing connection can be taken when an instance starts, so refuse ranges
# that overlap net.ipv4.ip_local_port_range.
require_ports_outside_ephemeral_range() {
    local low high first=$NODE_PORT_BASE last=$((NODE_PORT_BASE + NODES * 1000 - 1))

    read -r low high </proc/sys/net/ipv4/ip_local_port_range || return 0
    if ((first <= high && last >= low)); then
        fail "node ports $first-$last overlap the kernel's ephemeral ports $low-$high" \
            "(net.ipv4.ip_local_port_range); choose a BERTH_NODE_PORT_BASE below $((low - NODES * 1000 + 1))"
    fi
}

save_settings() {
    local file="$STATE_DIR/cluster.env"

    {
        echo "BERTH_NODES=$NODES"
        echo "BERTH_REGISTRY_PORT=$REGISTRY_PORT"
        echo "BERTH_API_PORT=$API_PORT"
        echo "BERTH_GIT_PORT=$GIT_PORT"
        echo "BERTH_EDGE_PORT=$EDGE_PORT"
        echo "BERTH_NODE_PORT_BASE=$NODE_PORT_BASE"
    } >"$file.tmp"
    mv -f "$file.tmp" "$file"
}

derive_paths() {
    RUN_DIR="$STATE_DIR/run"
    LOG_DIR="$STATE_DIR/logs"
    BIN_DIR="$STATE_DIR/bin"
    CP_DIR="$STATE_DIR/controlplane"
    TOKEN_FILE="$CP_DIR/token"
    IMAGE_TAR="$STATE_DIR/images/berth-base-busybox.tar"
    STATE_HASH="$(printf '%s' "$STATE_DIR" | sha256sum | cut -c1-10)"

    # A unix socket path holds at most 107 bytes, and the deepest socket a node engine
    # makes is <exec-root>/containerd/containerd.sock.ttrpc. For a long state path the
    # sockets and exec roots move to a short directory under /run.
    local deepest="$STATE_DIR/nodes/node-00/exec/containerd/containerd.sock.ttrpc"
    if ((${#deepest} <= 100)); then
        NODE_RUNTIME_DIR="$STATE_DIR/nodes"
    else
        NODE_RUNTIME_DIR="/run/berth-$STATE_HASH"
    fi
}

node_dir() { printf '%s' "$STATE_DIR/nodes/node-$1"; }
node_socket() { printf '%s' "$NODE_RUNTIME_DIR/node-$1/docker.sock"; }
node_exec_root() { printf '%s' "$NODE_RUNTIME_DIR/node-$1/exec"; }
node_port_first() { printf '%s' $((NODE_PORT_BASE + ($1 - 1) * 1000)); }
node_port_last() { printf '%s' $((NODE_PORT_BASE + ($1 - 1) * 1000 + 999)); }

node_docker() {
    local node="$1"
    shift
    timeout 120 docker -H "unix://$(node_socket "$node")" "$@"
}

# ---------------------------------------------------------------------------
# Processes: pid file in $STATE/run/<name>.pid, log in $STATE/logs/<name>.log
# ---------------------------------------------------------------------------

# What a process's command line must contain to be the one the pid file names,
# so that a reused pid is never taken for (or killed as) a Berth process.
process_marker() {
    case "$1" in
        registry) printf '%s' "docker-registry serve $STATE_DIR/" ;;
        controlplane) printf '%s' "$BIN_DIR/controlplane/Berth.ControlPlane.dll" ;;
        dockerd-node-*) printf '%s' "dockerd --data-root $STATE_DIR/nodes/${1#dockerd-}/data" ;;
        agent-node-*) printf '%s' "$BIN_DIR/agent/Berth.Agent.dll" ;;
        edge) printf '%s' "$BIN_DIR/edge/Berth.Edge.dll" ;;
        *) fail "unknown process $1" ;;
    esac
}

# True when PID is a live (not zombie) process whose command line contains MARKER.
pid_matches() {
    local pid="$1" marker="$2" stat cmdline

    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
    stat="${stat##*) }"
    [[ "${stat:0:1}" != "Z" ]] || return 1

    cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 1
    [[ "$cmdline" == *"$marker"* ]]
}

# Prints the pid of process NAME when it runs; fails otherwise.
running_pid() {
    local name="$1" file="$RUN_DIR/$1.pid" pid

    [[ -f "$file" ]] || return 1
    pid="$(cat "$file" 2>/dev/null)" || return 1
    pid_matches "$pid" "$(process_marker "$name")" || return 1
    printf '%s' "$pid"
}

show_log_tail() {
    local name="$1" log="$LOG_DIR/$1.log"

    if [[ -f "$log" ]]; then
        printf -- '--- last lines of %s ---\n' "$log" >&2
        tail -n 30 "$log" >&2
        printf -- '---\n' >&2
    fi
}

# Starts NAME in the background in its own session; prints nothing.
launch() {
    local name="$1"
    shift
    local log="$LOG_DIR/$name.log"

    mkdir -p "$RUN_DIR" "$LOG_DIR"
    printf '\n=== %s: local-cluster.sh starts %s ===\n' "$(date -u +%FT%TZ)" "$name" >>"$log"

    # The subshell closes every inherited descriptor above 2 (our lock, a caller's
    # pipes), so a long-running process never keeps them open. It is no process
    # group leader, so setsid execs in place and $! is the process itself.
    (
        local path fd
        for path in /proc/self/fd/*; do
            fd="${path##*/}"
            if ((fd > 2)); then
                exec {fd}>&-
            fi
        done
        exec setsid nohup "$@" </dev/null >>"$log" 2>&1
    ) &
    echo "$!" >"$RUN_DIR/$name.pid"
}

# Fails with the log's tail when NAME is not running.
require_alive() {
    local name="$1" what="$2" try

    # A process just launched may not have replaced its launching shell yet, so its command
    # line does not name the program: look again for up to 2 s before calling it gone.
    for try in 1 2 3 4 5 6 7 8 9 10; do
        running_pid "$name" >/dev/null && return 0
        sleep 0.2
    done

    show_log_tail "$name"
    rm -f "$RUN_DIR/$name.pid"
    fail "$name exited $what (checked $try times); see $LOG_DIR/$name.log"
}

# Waits up to SECONDS for CHECK to succeed while NAME keeps running.
wait_until() {
    local name="$1" seconds="$2" what="$3"
    shift 3
    local deadline=$((SECONDS + seconds))

    while ! "$@" >/dev/null 2>&1; do
        require_alive "$name" "while waiting for $what"
        if ((SECONDS >= deadline)); then
            show_log_tail "$name"
            fail "$name did not get to $what within $seconds s; see $LOG_DIR/$name.log"
        fi
        sleep 0.5
    done
}

# Stops process NAME: SIGTERM, up to SECONDS for it to exit, then SIGKILL.
stop_process() {
    local name="$1" seconds="$2" pid

    if pid="$(running_pid "$name")"; then
        say "stopping $name (pid $pid)"
        stop_pid "$name" "$pid" "$(process_marker "$name")" "$seconds"
    fi
    rm -f "$RUN_DIR/$name.pid"
}

wait_for_exit() {
    local pid="$1" marker="$2" seconds="$3"
    local deadline=$((SECONDS + seconds))

    while pid_matches "$pid" "$marker"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

port_in_use() {
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

require_free_port() {
    local port="$1" name="$2"

    if port_in_use "$port"; then
        fail "port $port (for $name) is already in use by another process; stop it or choose another port"
    fi
}

http_ok() {
    curl -fsS -o /dev/null --max-time 2 "$1"
}

# ---------------------------------------------------------------------------
# up: prerequisites
# ---------------------------------------------------------------------------

require_root() {
    if [[ "$(id -u)" != "0" ]]; then
        fail "$1 needs root (it runs Docker engines); run it with sudo"
    fi
}

ensure_packages() {
    local missing=()

    command -v dockerd >/dev/null && command -v docker >/dev/null || missing+=(docker.io)
    command -v docker-registry >/dev/null || missing+=(docker-registry)
    command -v git >/dev/null || missing+=(git)
    [[ -x /bin/busybox ]] || missing+=(busybox-static)
    command -v curl >/dev/null || missing+=(curl)
    # The CLI's native build links with clang against zlib.
    command -v clang >/dev/null || missing+=(clang)
    [[ -f /usr/include/zlib.h ]] || missing+=(zlib1g-dev)
    ((${#missing[@]} > 0)) || return 0

    say "installing missing packages: ${missing[*]}"
    apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null ||
        fail "could not install ${missing[*]}; install them with apt-get and run again"
}

prepare_state_dir() {
    local other_files
    other_files="$(find "$STATE_DIR" -mindepth 1 -maxdepth 1 ! -name .lock | head -n 1)"
    if [[ ! -f "$STATE_DIR/$STATE_MARKER" && -n "$other_files" ]]; then
        fail "$STATE_DIR is not empty and was not made by this script; choose another BERTH_STATE_DIR"
    fi

    mkdir -p "$STATE_DIR" "$RUN_DIR" "$LOG_DIR" "$BIN_DIR"
    touch "$STATE_DIR/$STATE_MARKER"
    save_settings
}

# Holds a lock on the state directory until the script exits, so that two runs on the
# same state never race. Started processes do not inherit it (launch closes fd 9).
lock_state_dir() {
    mkdir -p "$STATE_DIR"
    exec 9>"$STATE_DIR/.lock"
    if ! flock -w 300 9; then
        fail "another local-cluster.sh holds $STATE_DIR/.lock"
    fi
}

# ---------------------------------------------------------------------------
# up: build
# ---------------------------------------------------------------------------

# project directory, publish folder name, entry assembly
readonly COMPONENTS=(
    "Berth.ControlPlane controlplane Berth.ControlPlane.dll"
    "Berth.Agent agent Berth.Agent.dll"
    "Berth.Edge edge Berth.Edge.dll"
    "Berth.Cli cli berth"
)

berth_processes_running() {
    local name
    for name in controlplane edge $(seq -f 'agent-node-%g' 1 "$NODES"); do
        running_pid "$name" >/dev/null && return 0
    done
    return 1
}

build_berth() {
    if [[ "$BUILD" != "1" ]]; then
        say "BERTH_BUILD=0: using the binaries in $BIN_DIR"
        return 0
    fi

    # Limitation: up does not rebuild Berth while its processes run; run down first to pick up changes.
    if berth_processes_running; then
        say "Berth processes are running; not rebuilding under them (run 'down' first to rebuild)"
        return 0
    fi

    command -v dotnet >/dev/null ||
        fail "dotnet (the .NET SDK) is needed to build Berth; install it or set BERTH_BUILD=0"

    local component project folder
    for component in "${COMPONENTS[@]}"; do
        read -r project folder _ <<<"$component"
        publish "$project" "$folder"
    done
}

publish() {
    local project="$1" folder="$2" log="$LOG_DIR/build-$2.log"

    say "building $project into $BIN_DIR/$folder"
    # Each project says how it is compiled ahead of time: the CLI as a native executable (clang
    # links it), the services ReadyToRun on the shared .NET runtime.
    if ! dotnet publish "$REPO_ROOT/src/$project" -c Release -o "$BIN_DIR/$folder" -r linux-x64 \
        --nologo -v quiet -clp:NoSummary >"$log" 2>&1; then
        local errors
        errors="$(grep -E ': error ' "$log" | sed -E 's/ \[[^]]*\]$//' | sort -u | head -n 40)" || true
        if [[ -n "$errors" ]]; then
            printf '%s\n' "$errors" >&2
        else
            tail -n 20 "$log" >&2
        fi
        fail "building $project failed; full output in $log"
    fi
}

require_binary() {
    local folder="$1" assembly="$2"

    if [[ ! -f "$BIN_DIR/$folder/$assembly" ]]; then
        fail "$BIN_DIR/$folder/$assembly is missing; run with BERTH_BUILD=1 to build it"
    fi
}

# ---------------------------------------------------------------------------
# up: the parts
# ---------------------------------------------------------------------------

start_registry() {
    local pid
    if pid="$(running_pid registry)"; then
        say "registry already running (pid $pid)"
        return 0
    fi

    require_free_port "$REGISTRY_PORT" registry
    mkdir -p "$STATE_DIR/registry"
    cat >"$STATE_DIR/registry.yml" <<EOF
# Written by deploy/local-cluster.sh.
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $STATE_DIR/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$REGISTRY_PORT
EOF

    say "starting registry on 127.0.0.1:$REGISTRY_PORT"
    launch registry docker-registry serve "$STATE_DIR/registry.yml"
    wait_until registry 30 "answer on http://127.0.0.1:$REGISTRY_PORT/v2/" \
        http_ok "http://127.0.0.1:$REGISTRY_PORT/v2/"
}

start_control_plane() {
    local pid
    if pid="$(running_pid controlplane)"; then
        say "control plane already running (pid $pid)"
        return 0
    fi

    require_binary controlplane Berth.ControlPlane.dll
    require_free_port "$API_PORT" "the control plane API"
    require_free_port "$GIT_PORT" "the control plane git endpoint"
    mkdir -p "$CP_DIR"

    say "starting control plane (API 127.0.0.1:$API_PORT, git 127.0.0.1:$GIT_PORT)"
    launch controlplane dotnet "$BIN_DIR/controlplane/Berth.ControlPlane.dll" \
        --data-dir "$CP_DIR" \
        --grpc-listen "127.0.0.1:$API_PORT" \
        --http-listen "127.0.0.1:$GIT_PORT" \
        --registry "127.0.0.1:$REGISTRY_PORT" \
        --domain localhost \
        --edge-port "$EDGE_PORT"
    wait_until controlplane 60 "write $TOKEN_FILE" test -s "$TOKEN_FILE"
    wait_until controlplane 30 "listen on 127.0.0.1:$API_PORT" port_in_use "$API_PORT"
}

start_engine() {
    local node="$1" name="dockerd-node-$1" dir exec_root socket pid
    dir="$(node_dir "$node")"
    exec_root="$(node_exec_root "$node")"
    socket="$(node_socket "$node")"

    if pid="$(running_pid "$name")"; then
        say "$name already running (pid $pid)"
        return 0
    fi

    mkdir -p "$dir/data" "$exec_root" "$(dirname "$socket")"
    # An own, empty daemon config keeps /etc/docker/daemon.json out of the node engines.
    [[ -f "$dir/daemon.json" ]] || echo '{}' >"$dir/daemon.json"

    say "starting $name (socket $socket)"
    # The containerd namespaces keep the engines apart even when they share a system
    # containerd (dockerd uses /run/containerd/containerd.sock when one runs there).
    launch "$name" dockerd \
        --data-root "$dir/data" \
        --exec-root "$exec_root" \
        -H "unix://$socket" \
        --pidfile "$dir/dockerd.pid" \
        --config-file "$dir/daemon.json" \
        --containerd-namespace "berth-$STATE_HASH-node-$node" \
        --containerd-plugins-namespace "berth-$STATE_HASH-node-$node-plugins" \
        --bridge=none \
        --iptables=false \
        --ip6tables=false \
        --userland-proxy=false
}

engine_answers() {
    node_docker "$1" info
}

prepare_engine() {
    local node="$1"

    wait_until "dockerd-node-$node" 90 "answer 'docker info'" engine_answers "$node"
    if node_docker "$node" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
        return 0
    fi

    make_base_image_tar
    say "importing $BASE_IMAGE into dockerd-node-$node"
    node_docker "$node" import \
        --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'CMD ["sh"]' \
        "$IMAGE_TAR" "$BASE_IMAGE" >/dev/null ||
        fail "could not import $BASE_IMAGE into dockerd-node-$node"
}

make_base_image_tar() {
    [[ -s "$IMAGE_TAR" ]] && return 0
    "$SCRIPT_DIR/make-base-image.sh" "$IMAGE_TAR" >/dev/null ||
        fail "could not make the base image tar $IMAGE_TAR"
}

start_engines() {
    local node
    for node in $(seq 1 "$NODES"); do
        start_engine "$node"
    done
    for node in $(seq 1 "$NODES"); do
        prepare_engine "$node"
    done
}

start_agent() {
    local node="$1" name="agent-node-$1" first last

    require_binary agent Berth.Agent.dll
    first="$(node_port_first "$node")"
    last="$(node_port_last "$node")"

    # Limitation: every simulated node shares one kernel and loopback, so all node addresses are 127.0.0.1.
    say "starting $name (ports $first-$last)"
    launch "$name" dotnet "$BIN_DIR/agent/Berth.Agent.dll" \
        --control-plane "http://127.0.0.1:$API_PORT" \
        --token-file "$TOKEN_FILE" \
        --name "node-$node" \
        --address 127.0.0.1 \
        --docker "unix://$(node_socket "$node")" \
        --ports "$first-$last" \
        --memory 4096 \
        --state-dir "$STATE_DIR/nodes/node-$node/agent"
}

start_agents() {
    local node name pid started=()
    for node in $(seq 1 "$NODES"); do
        if pid="$(running_pid "agent-node-$node")"; then
            say "agent-node-$node already running (pid $pid)"
        else
            start_agent "$node"
            started+=("agent-node-$node")
        fi
    done
    ((${#started[@]} > 0)) || return 0

    # A moment for an agent to fail on bad arguments or an unreachable control plane.
    sleep 3
    for name in "${started[@]}"; do
        require_alive "$name" "right after start"
    done
}

start_edge() {
    local pid
    if pid="$(running_pid edge)"; then
        say "edge already running (pid $pid)"
        return 0
    fi

    require_binary edge Berth.Edge.dll
    require_free_port "$EDGE_PORT" edge

    say "starting edge on 127.0.0.1:$EDGE_PORT"
    launch edge dotnet "$BIN_DIR/edge/Berth.Edge.dll" \
        --control-plane "http://127.0.0.1:$API_PORT" \
        --token-file "$TOKEN_FILE" \
        --listen "127.0.0.1:$EDGE_PORT" \
        --name edge-1
    wait_until edge 30 "listen on 127.0.0.1:$EDGE_PORT" port_in_use "$EDGE_PORT"
}

# ---------------------------------------------------------------------------
# up: CLI and sample
# ---------------------------------------------------------------------------

# The CLI: the installed /usr/local/bin/berth, or (BERTH_INSTALL_CLI=0) the built one
# with its login kept under the state directory instead of the user's home.
berth_cli() {
    if [[ "$INSTALL_CLI" == "1" ]]; then
        /usr/local/bin/berth "$@"
    else
        HOME="$STATE_DIR/cli-home" XDG_CONFIG_HOME="$STATE_DIR/cli-home/.config" \
            "$BIN_DIR/cli/berth" "$@"
    fi
}

install_cli() {
    require_binary cli berth

    if [[ "$INSTALL_CLI" == "1" ]]; then
        cat >/usr/local/bin/berth.tmp <<EOF
#!/bin/sh
# Written by deploy/local-cluster.sh for the local cluster in $STATE_DIR.
exec "$BIN_DIR/cli/berth" "\$@"
EOF
        chmod 0755 /usr/local/bin/berth.tmp
        mv -f /usr/local/bin/berth.tmp /usr/local/bin/berth
        say "installed /usr/local/bin/berth"
    else
        mkdir -p "$STATE_DIR/cli-home"
    fi

    berth_cli login "http://127.0.0.1:$API_PORT" --token-file "$TOKEN_FILE" ||
        fail "berth login http://127.0.0.1:$API_PORT failed"
}

all_nodes_listed() {
    local listing node
    listing="$(berth_cli nodes:list 2>&1)" || return 1

    for node in $(seq 1 "$NODES"); do
        grep -qw -- "node-$node" <<<"$listing" || return 1
    done
}

sample_answers() {
    curl -fsS --max-time 3 -H "Host: $SAMPLE_APP.localhost" "http://127.0.0.1:$EDGE_PORT/"
}

deploy_sample() {
    local repo="$STATE_DIR/sample-$SAMPLE_APP" deadline=$((SECONDS + 90))

    say "waiting for all $NODES nodes to register"
    until all_nodes_listed; do
        if ((SECONDS >= deadline)); then
            berth_cli nodes:list >&2 || true
            fail "not every node registered within 90 s; see $LOG_DIR/agent-node-*.log"
        fi
        sleep 1
    done

    if ! berth_cli apps:info "$SAMPLE_APP" >/dev/null 2>&1; then
        berth_cli apps:create "$SAMPLE_APP" || fail "berth apps:create $SAMPLE_APP failed"
    fi

    prepare_sample_repo "$repo"
    push_sample "$repo"
    wait_for_sample
}

# Copies samples/hello into a git repository of its own and commits any change.
prepare_sample_repo() {
    local repo="$1"

    if [[ ! -d "$repo/.git" ]]; then
        mkdir -p "$repo"
        git -C "$repo" init -q -b main
    fi

    find "$repo" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
    cp -a "$REPO_ROOT/samples/$SAMPLE_APP/." "$repo/"
    git -C "$repo" add -A

    if ! git -C "$repo" rev-parse -q --verify HEAD >/dev/null ||
        ! git -C "$repo" diff --cached --quiet; then
        git -C "$repo" -c user.name="Berth local cluster" -c user.email="local-cluster@berth.invalid" \
            commit -q -m "Deploy samples/$SAMPLE_APP"
    fi
}

push_sample() {
    local repo="$1"

    if git -C "$repo" remote get-url berth >/dev/null 2>&1; then
        git -C "$repo" remote remove berth
    fi
    (cd "$repo" && berth_cli git:remote "$SAMPLE_APP") || fail "berth git:remote $SAMPLE_APP failed"
    git -C "$repo" remote get-url berth >/dev/null 2>&1 ||
        fail "berth git:remote $SAMPLE_APP did not add a git remote named berth in $repo"

    say "git push berth main (in $repo)"
    if [[ "$INSTALL_CLI" == "1" ]]; then
        git -C "$repo" push berth main || fail "git push berth main failed (output above)"
    else
        HOME="$STATE_DIR/cli-home" XDG_CONFIG_HOME="$STATE_DIR/cli-home/.config" \
            git -C "$repo" push berth main ||
            fail "git push berth main failed (output above)"
    fi
}

wait_for_sample() {
    local deadline=$((SECONDS + 180))

    say "waiting for http://$SAMPLE_APP.localhost:$EDGE_PORT/ to answer"
    until sample_answers >/dev/null 2>&1; do
        if ((SECONDS >= deadline)); then
            fail "the cluster is up but $SAMPLE_APP did not answer through the edge within 180 s;" \
                "see 'berth ps $SAMPLE_APP' and $LOG_DIR"
        fi
        sleep 1
    done
    say "$SAMPLE_APP answers: $(sample_answers 2>/dev/null)"
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------

cmd_up() {
    local infra_only=0
    case "${1:-}" in
        "") ;;
        --infra-only) infra_only=1 ;;
        *) usage >&2; exit 2 ;;
    esac

    require_root "up"
    lock_state_dir
    prepare_state_dir
    ensure_packages

    if ((infra_only)); then
        start_registry
        start_engines
        summary
        return 0
    fi

    build_berth
    start_registry
    start_control_plane
    start_engines
    start_agents
    start_edge

    if [[ "$INSTALL_CLI" == "1" || "$SAMPLE" == "1" ]]; then
        install_cli
    fi
    if [[ "$SAMPLE" == "1" ]]; then
        deploy_sample
    fi

    summary
}

cmd_down() {
    local purge=0
    case "${1:-}" in
        "") ;;
        --purge) purge=1 ;;
        *) usage >&2; exit 2 ;;
    esac

    if [[ ! -d "$STATE_DIR" ]]; then
        say "nothing to stop: $STATE_DIR does not exist"
        return 0
    fi

    require_root "down"
    lock_state_dir
    require_own_state_dir

    local name node
    stop_process edge 20
    for name in $(pid_file_names 'agent-node-*'); do
        stop_process "$name" 20
    done
    stop_process controlplane 30
    stop_process registry 20
    for node in $(node_numbers); do
        stop_engine "$node"
    done

    if ((purge)); then
        purge_state
    else
        say "stopped; state kept in $STATE_DIR ('down --purge' deletes it)"
    fi
}

require_own_state_dir() {
    if [[ ! -f "$STATE_DIR/$STATE_MARKER" ]]; then
        fail "$STATE_DIR was not made by this script (no $STATE_MARKER); not touching it"
    fi
}

# Names of the pid files matching PATTERN, without .pid.
pid_file_names() {
    local file
    for file in "$RUN_DIR"/$1.pid; do
        [[ -e "$file" ]] && basename "$file" .pid
    done
    return 0
}

# Node numbers of every node directory and every configured node.
node_numbers() {
    {
        seq 1 "$NODES"
        local dir
        for dir in "$STATE_DIR"/nodes/node-*; do
            [[ -d "$dir" ]] && printf '%s\n' "${dir##*/node-}"
        done
    } | sort -nu
}

stop_engine() {
    local node="$1" name="dockerd-node-$1" exec_root
    exec_root="$(node_exec_root "$node")"

    if running_pid "$name" >/dev/null; then
        remove_berth_containers "$node"
        stop_process "$name" 40
    fi
    rm -f "$RUN_DIR/$name.pid" "$(node_socket "$node")"

    # The engine's own containerd (none when it used a system containerd), then
    # whatever an engine that died without cleaning up left running.
    stop_pid "containerd of $name" "$(cat "$exec_root/containerd/containerd.pid" 2>/dev/null || true)" \
        "containerd --config $exec_root/containerd/" 15
    kill_orphans "$node"

    # The engine is gone, so mounts left in its exec root (netns/default) are stale.
    unmount_leftovers "$exec_root"
}

remove_berth_containers() {
    local node="$1" containers=()

    mapfile -t containers < <(node_docker "$node" ps -aq --filter label=berth.managed=true 2>/dev/null || true)
    ((${#containers[@]} > 0)) || return 0

    say "removing ${#containers[@]} Berth container(s) from dockerd-node-$node"
    node_docker "$node" rm -f "${containers[@]}" >/dev/null ||
        warn "could not remove every Berth container from dockerd-node-$node"
}

# SIGTERM PID (when it still matches MARKER), up to SECONDS, then SIGKILL.
stop_pid() {
    local what="$1" pid="$2" marker="$3" seconds="$4"

    pid_matches "$pid" "$marker" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_for_exit "$pid" "$marker" "$seconds"; then
        warn "$what (pid $pid) did not exit within $seconds s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        wait_for_exit "$pid" "$marker" 10 || warn "$what (pid $pid) survived SIGKILL"
    fi
}

# Container shims and processes of node NODE that outlived its engine (after a crash
# or a kill -9): shims are found by their containerd address, container processes by
# the cgroup of every container in the engine's data root.
kill_orphans() {
    local node="$1" exec_root data_root pids=() pid cmdline dir id file
    exec_root="$(node_exec_root "$node")"
    data_root="$(node_dir "$node")/data"

    for dir in /proc/[0-9]*; do
        cmdline="$(tr '\0' ' ' 2>/dev/null <"$dir/cmdline")" || continue
        if [[ "$cmdline" == *containerd-shim*"-address $exec_root/containerd/containerd.sock"* ]]; then
            pids+=("${dir#/proc/}")
        fi
    done

    for dir in "$data_root"/containers/*/; do
        [[ -d "$dir" ]] || continue
        id="$(basename "$dir")"
        for file in /sys/fs/cgroup/*/docker/"$id"/cgroup.procs /sys/fs/cgroup/docker/"$id"/cgroup.procs; do
            [[ -r "$file" ]] && mapfile -t -O "${#pids[@]}" pids <"$file"
        done
    done
    ((${#pids[@]} > 0)) || return 0
    mapfile -t pids < <(printf '%s\n' "${pids[@]}" | sort -un)

    say "killing ${#pids[@]} process(es) dockerd-node-$node left behind"
    for pid in "${pids[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
}

# Mount points strictly under DIR, deepest first.
mounts_under() {
    local dir="$1" point
    while read -r _ _ _ _ point _; do
        point="$(printf '%b' "${point//\\/\\0}")"
        [[ "$point" == "$dir/"* ]] && printf '%s\n' "$point"
    done </proc/self/mountinfo | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2-
}

unmount_leftovers() {
    local dir="$1" point
    while IFS= read -r point; do
        [[ -n "$point" ]] || continue
        umount "$point" 2>/dev/null || umount -l "$point" || fail "could not unmount $point"
    done < <(mounts_under "$dir")
}

purge_state() {
    local name
    for name in $(pid_file_names '*'); do
        if running_pid "$name" >/dev/null; then
            fail "$name still runs; not deleting $STATE_DIR"
        fi
    done

    unmount_leftovers "$STATE_DIR"
    if [[ "$NODE_RUNTIME_DIR" != "$STATE_DIR/nodes" && -d "$NODE_RUNTIME_DIR" ]]; then
        unmount_leftovers "$NODE_RUNTIME_DIR"
        rm -rf --one-file-system -- "$NODE_RUNTIME_DIR"
    fi

    if [[ -f /usr/local/bin/berth ]] && grep -qF -- "$BIN_DIR/cli/berth" /usr/local/bin/berth; then
        rm -f /usr/local/bin/berth
        say "removed /usr/local/bin/berth"
    fi

    rm -rf --one-file-system -- "$STATE_DIR"
    say "deleted $STATE_DIR"
}

cmd_status() {
    if [[ ! -d "$STATE_DIR" ]]; then
        say "no local cluster in $STATE_DIR"
        return 0
    fi

    print_processes
    print_urls
}

print_processes() {
    local name node pid
    printf '%-18s %-8s %s\n' NAME PID STATE
    for name in registry controlplane $(for node in $(node_numbers); do
        echo "dockerd-node-$node"
        echo "agent-node-$node"
    done) edge; do
        if pid="$(running_pid "$name")"; then
            printf '%-18s %-8s %s\n' "$name" "$pid" running
        else
            printf '%-18s %-8s %s\n' "$name" - stopped
        fi
    done
}

print_urls() {
    local node
    echo
    echo "registry      http://127.0.0.1:$REGISTRY_PORT/v2/"
    echo "api (gRPC)    http://127.0.0.1:$API_PORT"
    echo "git           http://127.0.0.1:$GIT_PORT/git/<app>.git"
    echo "edge          http://<app>.localhost:$EDGE_PORT/"
    echo "sample        http://$SAMPLE_APP.localhost:$EDGE_PORT/"
    for node in $(node_numbers); do
        printf 'node-%-8s unix://%s  ports %s-%s\n' "$node" "$(node_socket "$node")" \
            "$(node_port_first "$node")" "$(node_port_last "$node")"
    done
    echo "logs          $LOG_DIR"
    if [[ "$NODE_RUNTIME_DIR" != "$STATE_DIR/nodes" ]]; then
        echo "note          the state path is long, so engine sockets and exec roots are in $NODE_RUNTIME_DIR"
    fi
}

summary() {
    echo
    say "local cluster in $STATE_DIR"
    print_processes
    print_urls
    if [[ "$SAMPLE" == "1" && -f "$RUN_DIR/edge.pid" ]]; then
        echo
        say "open http://$SAMPLE_APP.localhost:$EDGE_PORT/"
    fi
}

main() {
    local command="${1:-}"
    [[ $# -gt 0 ]] && shift

    case "$command" in
        up | down | status) ;;
        -h | --help | help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac

    if [[ $# -gt 1 || ("$command" == "status" && $# -gt 0) ]]; then
        usage >&2
        exit 2
    fi

    load_settings
    case "$command" in
        up) cmd_up "$@" ;;
        down) cmd_down "$@" ;;
        status) cmd_status "$@" ;;
    esac
}

main "$@"
