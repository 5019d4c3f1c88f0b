#!/usr/bin/env bash
# Make a Docker engine usable here: install Debian's docker.io, docker-compose and mmdebstrap
# when missing (root + apt), and start dockerd when no engine answers. Idempotent and safe to
# run from several shells at once: the engine is shared machine-wide, so a running one is
# reused, never restarted, and a lock keeps two callers from starting two daemons.
# Usage: bash scripts/docker_setup.sh        (prints the engine's version when ready)
set -euo pipefail

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
command -v mmdebstrap >/dev/null 2>&1 || need+=(mmdebstrap)
# mmdebstrap unpacks as root with tar; uidmap is only needed for unprivileged modes.
if ((${#need[@]})); then
    if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        echo "docker_setup: need ${need[*]} and cannot install them (not root, or no apt-get)" >&2
        exit 1
    fi
    echo "docker_setup: installing ${need[*]}" >&2
    exec 9>/var/lock/phiwarden-apt.lock
    flock 9
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${need[@]}" iptables ca-certificates >/dev/null
    exec 9>&-
fi

engine_up() { docker info --format '{{.ServerVersion}}' >/dev/null 2>&1; }
if ! engine_up; then
    exec 8>/var/lock/phiwarden-dockerd.lock
    flock 8
    if ! engine_up; then
        if [[ "$(id -u)" != 0 ]]; then
            echo "docker_setup: no Docker engine answers and only root can start dockerd" >&2
            exit 1
        fi
        echo "docker_setup: starting dockerd (log: /var/log/phiwarden-dockerd.log)" >&2
        # setsid: the daemon outlives this script and the CI job's process group; it is
        # shared machine-wide, so nobody's cleanup may take it down.
        setsid dockerd --storage-driver=overlay2 >>/var/log/phiwarden-dockerd.log 2>&1 </dev/null &
        for _ in $(seq 60); do
            engine_up && break
            sleep 1
        done
        if ! engine_up; then
            echo "docker_setup: dockerd did not come up; last lines of its log:" >&2
            tail -20 /var/log/phiwarden-dockerd.log >&2
            exit 1
        fi
    fi
    exec 8>&-
fi
echo "docker engine $(docker info --format '{{.ServerVersion}}' 2>/dev/null), $(docker-compose version --short)"
