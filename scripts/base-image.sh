#!/bin/sh
# Makes the Dockerfile's base image, python:3.11-slim, available to the local
# container engine. Idempotent and cheap when there is nothing to do.
#
#   - A working Docker engine: nothing to do (docker build pulls the real image).
#   - Podman: installs podman, runc and debootstrap (Debian packages) and writes
#     /etc/containers/containers.conf if missing, then
#       * the image is already present    -> nothing to do;
#       * a container registry is reached -> pull the real python:3.11-slim;
#       * otherwise -> build a stand-in once: Debian bookworm (minbase, via
#         debootstrap) plus Debian's python3 (3.11), tagged
#         docker.io/library/python:3.11-slim and labelled org.netral.stand-in=true
#         so that mk/image.mk builds with --pull=never.
#
# Usage: scripts/base-image.sh        (as root; environment knobs below)
#   BASE_IMAGE        image to provide (default docker.io/library/python:3.11-slim)
#   DEBIAN_MIRROR     mirror for debootstrap (default http://deb.debian.org/debian)
#   FORCE_STAND_IN=1  skip the registry probe and build the stand-in
set -eu

BASE_IMAGE=${BASE_IMAGE:-docker.io/library/python:3.11-slim}
MIN_IMAGE=localhost/debian-bookworm:min
SUITE=bookworm
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# runc with cgroupfs: podman's default runtime, crun, fails in these sandboxes with
# "cgroups in hybrid mode not supported".
PODMAN="podman --runtime runc --cgroup-manager cgroupfs"

log() { echo "base-image: $*" >&2; }

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1 \
    && ! docker --version 2>/dev/null | grep -qi podman; then
    log "a Docker engine is running; it pulls $BASE_IMAGE itself"
    exit 0
fi

# --- podman and its settings for this kind of sandbox ------------------------
missing=
for tool in podman runc debootstrap; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
    log "installing$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086  # word splitting wanted: a list of packages
    apt-get install -y -q --no-install-recommends $missing
fi

# Podman's default container rlimits cannot be set in an unprivileged sandbox
# ("error setting rlimits ... operation not permitted").
CONF=/etc/containers/containers.conf
if ! [ -f "$CONF" ] || ! grep -q '^[[:space:]]*default_ulimits' "$CONF"; then
    log "writing default_ulimits = [] to $CONF"
    mkdir -p /etc/containers
    if [ -f "$CONF" ] && grep -q '^\[containers\]' "$CONF"; then
        sed -i 's/^\[containers\]$/[containers]\ndefault_ulimits = []/' "$CONF"
    else
        printf '[containers]\ndefault_ulimits = []\n' >>"$CONF"
    fi
fi

# --- the base image ------------------------------------------------------------
if $PODMAN image exists "$BASE_IMAGE"; then
    log "$BASE_IMAGE is present"
    exit 0
fi

if [ "${FORCE_STAND_IN:-0}" != 1 ]; then
    # A registry that answers at all (even 401) is reachable; then pull the real image.
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 https://registry-1.docker.io/v2/ 2>/dev/null || true)
    if [ -n "$code" ] && [ "$code" != 000 ]; then
        log "container registry reachable (HTTP $code); pulling $BASE_IMAGE"
        if $PODMAN pull "$BASE_IMAGE"; then
            exit 0
        fi
        log "pull failed; building a stand-in instead"
    else
        log "no container registry reachable; building a stand-in for $BASE_IMAGE"
    fi
fi

if ! $PODMAN image exists "$MIN_IMAGE"; then
    rootfs=$(mktemp -d /var/tmp/netral-rootfs.XXXXXX)
    trap 'rm -rf "$rootfs"' EXIT INT TERM
    log "debootstrap --variant=minbase $SUITE (1-2 minutes)"
    debootstrap --variant=minbase "$SUITE" "$rootfs" "$DEBIAN_MIRROR" >&2
    # Keep the image small and its apt lists out of it, as the official images do.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
    tar -C "$rootfs" -c . | $PODMAN import - "$MIN_IMAGE" >/dev/null
    rm -rf "$rootfs"
    trap - EXIT INT TERM
fi

ctx=$(mktemp -d)
trap 'rm -rf "$ctx"' EXIT INT TERM
cat >"$ctx/Containerfile" <<EOF
FROM $MIN_IMAGE
LABEL org.netral.stand-in=true
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \\
        python3 python3-venv python3-pip python-is-python3 ca-certificates \\
    && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
CMD ["python3"]
EOF
log "building the stand-in $BASE_IMAGE"
$PODMAN build --network host --pull=never -t "$BASE_IMAGE" "$ctx" >&2
log "done: $BASE_IMAGE (stand-in)"
