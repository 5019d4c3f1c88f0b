#!/bin/sh
# Entry point of the CI stand-in for the official postgres, redis and nginx images, built from
# Debian's packages because no registry but Debian's is reachable in CI. It reproduces only
# what docker-compose.yml relies on, taken from the official images' docker-entrypoint.sh:
#   postgres      first start: initdb with POSTGRES_USER/POSTGRES_PASSWORD, create POSTGRES_DB,
#                 password (scram) auth from the network; then postgres listening on all addresses
#   redis-server  the given arguments plus `--protected-mode no` (the official image adds it
#                 when no config file is given), as the redis user
#   nginx         as given (the compose file mounts nginx.conf); logs go to stderr
set -eu
case "${1:-}" in
postgres)
    shift
    PGDATA=${PGDATA:-/var/lib/postgresql/data}
    bin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
    as_pg() { runuser -u postgres -- "$@"; }
    mkdir -p "$PGDATA" /run/postgresql
    chown postgres:postgres "$PGDATA" /run/postgresql
    chmod 700 "$PGDATA"
    if [ ! -s "$PGDATA/PG_VERSION" ]; then
        : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
        user=${POSTGRES_USER:-postgres}
        pwfile=$(mktemp)
        printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
        chown postgres "$pwfile"
        as_pg "$bin/initdb" -D "$PGDATA" -U "$user" --pwfile="$pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 >/dev/null
        rm -f "$pwfile"
        echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
        as_pg "$bin/pg_ctl" -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
        if [ -n "${POSTGRES_DB:-}" ] && [ "$POSTGRES_DB" != postgres ]; then
            as_pg "$bin/psql" -v ON_ERROR_STOP=1 -q -U "$user" -d postgres \
                -c "CREATE DATABASE \"$POSTGRES_DB\""
        fi
        as_pg "$bin/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    fi
    exec runuser -u postgres -- "$bin/postgres" -D "$PGDATA" -c listen_addresses='*' "$@"
    ;;
redis-server)
    shift
    cd /var/lib/redis
    exec runuser -u redis -- redis-server "$@" --protected-mode no
    ;;
*)
    exec "$@"
    ;;
esac
