#!/usr/bin/env bash
# Makes the root filesystem tar of Berth's base image (berth-base/busybox:1) from
# Debian's busybox-static, since no public registry is reachable to pull one.
#
#   deploy/make-base-image.sh OUT.tar
#   docker import OUT.tar berth-base/busybox:1
#
# The tar holds /bin/busybox, a symlink in /bin for every applet, /usr/bin/env,
# /tmp (1777), /etc/passwd and /etc/group (root and nobody), /root and an empty
# /www. It is byte-for-byte the same on every run for the same busybox binary:
# sorted entries, mtime 0, owner root:root by number. Everything is assembled in
# a temporary directory that is removed on exit.
set -euo pipefail

readonly BUSYBOX=/bin/busybox

usage() {
    echo "usage: $0 OUT.tar" >&2
    echo "Makes the root filesystem tar of berth-base/busybox:1 from $BUSYBOX." >&2
}

fail() {
    echo "make-base-image: error: $*" >&2
    exit 1
}

check_inputs() {
    # Debian's busybox-static installs /bin/busybox; the dynamic `busybox`
    # package installs /usr/bin/busybox, which would not run in the image.
    if [[ ! -x "$BUSYBOX" ]]; then
        fail "$BUSYBOX not found; install it with: apt-get install busybox-static"
    fi
}

make_tree() {
    local root="$1"

    mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/www" "$root/root" "$root/usr/bin"
    cp "$BUSYBOX" "$root/bin/busybox"
    chmod 0755 "$root/bin/busybox"

    local applet
    while IFS= read -r applet; do
        if [[ -n "$applet" && "$applet" != "busybox" ]]; then
            ln -s busybox "$root/bin/$applet"
        fi
    done < <("$BUSYBOX" --list | LC_ALL=C sort -u)

    # Scripts with `#!/usr/bin/env sh` shebangs.
    ln -s ../../bin/busybox "$root/usr/bin/env"

    printf '%s\n' \
        'root:x:0:0:root:/root:/bin/sh' \
        'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$root/etc/passwd"
    printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' 'nobody:x:65534:' >"$root/etc/group"

    chmod 0755 "$root" "$root/bin" "$root/etc" "$root/www" "$root/usr" "$root/usr/bin"
    chmod 0644 "$root/etc/passwd" "$root/etc/group"
    chmod 0700 "$root/root"
    chmod 1777 "$root/tmp"
}

write_tar() {
    local root="$1" out="$2"

    # Sorted names, fixed times and numeric root ownership make the tar
    # reproducible; the GNU format stores no atime or ctime.
    tar --create --file "$out" --directory "$root" \
        --format=gnu --sort=name --mtime='@0' \
        --owner=0 --group=0 --numeric-owner \
        .
}

main() {
    if [[ $# -ne 1 || "$1" == "-h" || "$1" == "--help" ]]; then
        usage
        exit 2
    fi

    local out="$1"
    check_inputs

    local work
    work="$(mktemp -d "${TMPDIR:-/tmp}/berth-base-image.XXXXXX")"
    # shellcheck disable=SC2064 # expand $work now: the trap runs after main returns.
    trap "rm -rf -- '$work'" EXIT

    umask 022
    make_tree "$work/root"
    write_tar "$work/root" "$work/image.tar"

    mkdir -p -- "$(dirname -- "$out")"
    mv -f -- "$work/image.tar" "$out"
    chmod 0644 -- "$out"
    echo "make-base-image: wrote $out ($(stat -c %s -- "$out") bytes, sha256 $(sha256sum -- "$out" | cut -c1-12))"
}

main "$@"
