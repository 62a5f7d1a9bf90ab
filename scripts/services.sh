#!/usr/bin/env bash
# Real services for the probe tests, on 127.0.0.1 only:
#   PostgreSQL  cluster A: SSL enforced (hostnossl reject), a DML-only app role and a read-only audit role
#               cluster B: plaintext accepted, the app connects as the superuser `postgres`; a
#               `cloudsqlsuperuser` member and a role that owns tables
#               cluster C (the fleet's third server): SSL enforced, a DML-only app role
#   Redis       without AUTH; with requirepass (twice: one only for the command-count test); TLS only;
#               ACL only (`user default off`, an `auditor` ACL user that may PING and INFO)
#   registry    the Debian docker-registry, twice (the fleet's two registries), test images pushed with plain
#               fetch (scripts/services/push-images.mjs)
#   HTTPS       a Node test server with a throwaway CA, plus a broken variant and a plain-HTTP one
#               (scripts/services/https-server.mjs)
# Usage: scripts/services.sh start | stop | env
# Installs only what is missing with apt-get. Writes ports, paths and throwaway passwords to .tmp/services.env,
# which the probe tests read. Idempotent: `start` leaves running services alone; `stop` ends them by pid.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$ROOT/.tmp/services"
ENV_FILE="$ROOT/.tmp/services.env"
# Below Linux's ephemeral range (32768-60999): a port the kernel gave a client connection or a test's server
# (`listen(0)`) cannot be one a service here needs (a run once failed when Redis found 55480 taken).
BASE="${CODITECT_SERVICES_PORT_BASE:-25400}"
# PostgreSQL runs as the `postgres` OS user, which may not be able to enter the checkout's parent folders:
# its clusters live under /tmp, one folder per checkout.
PGDIR="${TMPDIR:-/tmp}/coditect-audit-pg-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"

PG_A_PORT=$((BASE + 32)) PG_B_PORT=$((BASE + 33)) PG_C_PORT=$((BASE + 34))
REDIS_NOAUTH_PORT=$((BASE + 79)) REDIS_AUTH_PORT=$((BASE + 80)) REDIS_TLS_PORT=$((BASE + 81)) REDIS_STATS_PORT=$((BASE + 82))
REDIS_ACL_PORT=$((BASE + 83))
REGISTRY_PORT=$((BASE + 50)) REGISTRY_B_PORT=$((BASE + 51))
HTTPS_GOOD_PORT=$((BASE + 43)) HTTP_GOOD_PORT=$((BASE + 44)) HTTPS_BROKEN_PORT=$((BASE + 45)) HTTP_BROKEN_PORT=$((BASE + 46))
HTTP_PLAIN_PORT=$((BASE + 47))

log() { echo "services: $*" >&2; }
die() {
  echo "services: $*" >&2
  exit 1
}
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs a command as the `postgres` OS user when root (initdb refuses root), as ourselves otherwise.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

wait_for() { # wait_for <description> <seconds> <command...>
  local what=$1 secs=$2 i
  shift 2
  for ((i = 0; i < secs * 20; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.05
  done
  die "$what did not become ready in ${secs}s"
}

install_missing() {
  local missing=()
  command -v openssl >/dev/null || missing+=(openssl)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  if ! ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if apt-cache show postgresql-15 >/dev/null 2>&1; then missing+=(postgresql-15); else missing+=(postgresql); fi
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}: install them (apt-get install ${missing[*]}) or run as root"
  log "installing ${missing[*]} (apt-get)"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || die "no PostgreSQL server binaries under /usr/lib/postgresql"
  echo "$bin"
}

# A throwaway CA and the certificates signed by it (kept between starts while they have a week left).
make_certs() {
  local c="$DIR/certs"
  mkdir -p "$c"
  if [ -f "$c/server.crt" ] && openssl x509 -checkend 604800 -noout -in "$c/server.crt" >/dev/null 2>&1 &&
    [ -f "$c/expiring.crt" ] && openssl x509 -checkend 86400 -noout -in "$c/expiring.crt" >/dev/null 2>&1; then
    return 0
  fi
  log "creating a throwaway CA in $c"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=coditect-audit test CA" \
    -keyout "$c/ca.key" -out "$c/ca.crt" 2>/dev/null
  leaf() { # leaf <name> <days> <subjectAltName>
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$1" -keyout "$c/$1.key" -out "$c/$1.csr" 2>/dev/null
    printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$3" >"$c/$1.ext"
    openssl x509 -req -in "$c/$1.csr" -CA "$c/ca.crt" -CAkey "$c/ca.key" -CAcreateserial -days "$2" \
      -extfile "$c/$1.ext" -out "$c/$1.crt" 2>/dev/null
    rm -f "$c/$1.csr" "$c/$1.ext"
  }
  leaf server 30 "IP:127.0.0.1,DNS:localhost"
  # The broken HTTPS server: signed by the same CA, but for another host name and ending in 5 days.
  leaf expiring 5 "DNS:wrong-host.invalid"
  chmod 644 "$c"/*.crt "$c"/*.key
}

# ---------------------------------------------------------------- PostgreSQL

# Bump when the clusters' roles or objects change: a cluster made by another version is made again.
PG_SETUP_VERSION=3

pg_init() { # pg_init <A|B|C>
  local name=$1 d="$PGDIR/pg-$1" port bin sock
  bin=$(pg_bin)
  # The clusters outlive .tmp/services (they live under /tmp): one made with other passwords is made again.
  local stamp
  stamp="$PG_SETUP_VERSION $(printf '%s' "$PG_A_APP_PASSWORD$PG_A_AUDIT_PASSWORD$PG_B_SUPERUSER_PASSWORD$PG_B_MEMBER_PASSWORD$PG_B_OWNER_PASSWORD$PG_C_APP_PASSWORD" | cksum)"
  if [ -f "$d/roles.done" ] && [ "$(cat "$d/roles.done")" != "$stamp" ]; then
    pg_stop "$name"
    rm -rf "$d"
  fi
  case $name in A) port=$PG_A_PORT ;; B) port=$PG_B_PORT ;; *) port=$PG_C_PORT ;; esac
  sock="$d/sock"
  if [ ! -f "$d/data/PG_VERSION" ]; then
    rm -rf "$d"
    mkdir -p "$d/data" "$sock"
    cp "$DIR/certs/server.crt" "$DIR/certs/server.key" "$d/"
    chmod 600 "$d/server.key"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$d"
    chmod 700 "$d/data"
    as_pg "$bin/initdb" -D "$d/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
    cat >>"$d/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock'
ssl = on
ssl_cert_file = '$d/server.crt'
ssl_key_file = '$d/server.key'
fsync = off
log_statement = 'all'
log_connections = on
log_line_prefix = '%m [%p] app=%a user=%u db=%d '
EOF
    if [ "$name" != B ]; then
      printf 'local all all trust\nhostssl all all 127.0.0.1/32 scram-sha-256\nhostnossl all all 127.0.0.1/32 reject\n' \
        >"$d/data/pg_hba.conf"
    else
      printf 'local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n' >"$d/data/pg_hba.conf"
    fi
  fi
  # A cluster kept from an earlier run (same checkout path) must serve this run's certificate: the CA is made
  # again for a new checkout or near expiry, and a stale server certificate fails every verified connection.
  if ! cmp -s "$DIR/certs/server.crt" "$d/server.crt" || ! cmp -s "$DIR/certs/server.key" "$d/server.key"; then
    pg_stop "$name"
    cp "$DIR/certs/server.crt" "$DIR/certs/server.key" "$d/"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$d/server.crt" "$d/server.key"
    chmod 600 "$d/server.key"
  fi
  if ! as_pg "$bin/pg_ctl" -D "$d/data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 20 start >/dev/null
  fi
  if [ ! -f "$d/roles.done" ]; then
    local psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres)
    if [ "$name" = A ]; then
      as_pg "${psql[@]}" -d postgres <<EOF >/dev/null
CREATE ROLE coditect_owner NOLOGIN;
CREATE ROLE license_api_staging LOGIN PASSWORD '$PG_A_APP_PASSWORD' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE coditect_audit LOGIN PASSWORD '$PG_A_AUDIT_PASSWORD' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE coditect OWNER coditect_owner;
EOF
      as_pg "${psql[@]}" -d coditect <<'EOF' >/dev/null
ALTER SCHEMA public OWNER TO coditect_owner;
SET ROLE coditect_owner;
CREATE TABLE licenses (id serial PRIMARY KEY, key text NOT NULL);
CREATE TABLE seats (id serial PRIMARY KEY, license_id int REFERENCES licenses (id));
RESET ROLE;
GRANT USAGE ON SCHEMA public TO license_api_staging;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_staging;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO license_api_staging;
EOF
    elif [ "$name" = C ]; then
      as_pg "${psql[@]}" -d postgres <<EOF >/dev/null
CREATE ROLE coditect_owner NOLOGIN;
CREATE ROLE license_api_fleet LOGIN PASSWORD '$PG_C_APP_PASSWORD' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE coditect OWNER coditect_owner;
EOF
      as_pg "${psql[@]}" -d coditect <<'EOF' >/dev/null
ALTER SCHEMA public OWNER TO coditect_owner;
SET ROLE coditect_owner;
CREATE TABLE licenses (id serial PRIMARY KEY, key text NOT NULL);
RESET ROLE;
GRANT USAGE ON SCHEMA public TO license_api_fleet;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO license_api_fleet;
EOF
    else
      as_pg "${psql[@]}" -d postgres <<EOF >/dev/null
ALTER ROLE postgres PASSWORD '$PG_B_SUPERUSER_PASSWORD';
CREATE ROLE cloudsqlsuperuser NOLOGIN CREATEROLE CREATEDB;
CREATE ROLE cloudsql_app LOGIN PASSWORD '$PG_B_MEMBER_PASSWORD' IN ROLE cloudsqlsuperuser;
CREATE ROLE app_owner LOGIN PASSWORD '$PG_B_OWNER_PASSWORD' NOSUPERUSER;
CREATE DATABASE coditect OWNER cloudsql_app;
EOF
      as_pg "${psql[@]}" -d coditect <<'EOF' >/dev/null
ALTER SCHEMA public OWNER TO cloudsql_app;
SET ROLE cloudsql_app;
CREATE TABLE licenses (id serial PRIMARY KEY, key text NOT NULL);
RESET ROLE;
CREATE SCHEMA app AUTHORIZATION app_owner;
SET ROLE app_owner;
CREATE TABLE app.seats (id serial PRIMARY KEY, license_id int);
RESET ROLE;
EOF
    fi
    echo "$stamp" >"$d/roles.done"
  fi
}

pg_stop() {
  local d="$PGDIR/pg-$1" bin
  [ -f "$d/data/postmaster.pid" ] || return 0
  bin=$(pg_bin)
  as_pg "$bin/pg_ctl" -D "$d/data" -m fast -w stop >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------- Redis

redis_start() { # redis_start <name> <args...>
  local name=$1
  shift
  alive "$DIR/redis-$name.pid" && return 0
  redis-server --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --pidfile "$DIR/redis-$name.pid" --logfile "$DIR/redis-$name.log" --dir "$DIR" "$@"
}

# A daemonized Redis writes its pid file once it listens, and aborts (no pid file) when its port is taken.
redis_ready() { # redis_ready <name> <port>
  local name=$1 port=$2 i last
  for ((i = 0; i < 100; i++)); do
    alive "$DIR/redis-$name.pid" && return 0
    last=$(tail -n 1 "$DIR/redis-$name.log" 2>/dev/null || true)
    if [[ $last == *aborting* ]]; then
      die "Redis ($name) could not listen on 127.0.0.1:$port: ${last#*# } Another process holds the port: stop it, or set CODITECT_SERVICES_PORT_BASE to a free range (ports BASE to BASE+83)."
    fi
    sleep 0.05
  done
  die "Redis ($name) did not start in 5s (see $DIR/redis-$name.log)"
}

# ---------------------------------------------------------------- registry

registry_start() { # registry_start <name> <port>
  local name=$1 port=$2
  alive "$DIR/$name.pid" && return 0
  mkdir -p "$DIR/$name"
  cat >"$DIR/$name.yml" <<EOF
version: 0.1
log: { level: warn, formatter: text, accesslog: { disabled: false } }
storage: { filesystem: { rootdirectory: $DIR/$name }, delete: { enabled: true } }
http: { addr: "127.0.0.1:$port" }
EOF
  setsid docker-registry serve "$DIR/$name.yml" >>"$DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$DIR/$name.pid"
}

# ---------------------------------------------------------------- start / stop

secret() {
  local f="$DIR/secrets/$1"
  if [ ! -s "$f" ]; then
    mkdir -p "$DIR/secrets"
    chmod 700 "$DIR/secrets"
    openssl rand -hex 16 >"$f"
  fi
  cat "$f"
}

# The clusters of checkouts that are gone (a clone made for one CI run, then deleted): ~140 MB each, which
# nothing else removes. Each cluster folder names its checkout; one whose checkout is gone and whose servers
# are not running is removed.
prune_gone_checkouts() {
  local other checkout pidfile running
  for other in "${TMPDIR:-/tmp}"/coditect-audit-pg-*; do
    [ "$other" != "$PGDIR" ] && [ -f "$other/checkout" ] || continue
    checkout=$(cat "$other/checkout")
    [ -n "$checkout" ] && [ ! -e "$checkout" ] || continue
    running=0
    for pidfile in "$other"/pg-*/data/postmaster.pid; do
      [ -f "$pidfile" ] && kill -0 "$(head -1 "$pidfile")" 2>/dev/null && running=1
    done
    [ $running = 0 ] && rm -rf "$other"
  done
  return 0
}

start() {
  local t0
  t0=$(date +%s%N)
  install_missing
  prune_gone_checkouts
  mkdir -p "$DIR" "$PGDIR"
  printf '%s\n' "$ROOT" >"$PGDIR/checkout"
  make_certs
  PG_A_APP_PASSWORD=$(secret pg-a-app) PG_A_AUDIT_PASSWORD=$(secret pg-a-audit)
  PG_B_SUPERUSER_PASSWORD=$(secret pg-b-superuser) PG_B_MEMBER_PASSWORD=$(secret pg-b-member)
  PG_B_OWNER_PASSWORD=$(secret pg-b-owner) PG_C_APP_PASSWORD=$(secret pg-c-app)
  REDIS_PASSWORD=$(secret redis) REDIS_ACL_PASSWORD=$(secret redis-acl)

  pg_init A &
  local pga=$!
  pg_init B &
  local pgb=$!
  pg_init C &
  local pgc=$!

  local c="$DIR/certs"
  redis_start noauth --port "$REDIS_NOAUTH_PORT"
  redis_start auth --port "$REDIS_AUTH_PORT" --requirepass "$REDIS_PASSWORD"
  # Like `auth`, for the one test that counts commands: nothing else talks to it.
  redis_start stats --port "$REDIS_STATS_PORT" --requirepass "$REDIS_PASSWORD"
  redis_start tls --port 0 --tls-port "$REDIS_TLS_PORT" --tls-cert-file "$c/server.crt" --tls-key-file "$c/server.key" \
    --tls-ca-cert-file "$c/ca.crt" --tls-auth-clients no --requirepass "$REDIS_PASSWORD"
  # Redis 6+ ACLs only: nobody may talk to it without logging in as a named user.
  redis_start acl --port "$REDIS_ACL_PORT" --user default off --user auditor on ">$REDIS_ACL_PASSWORD" +ping +info

  registry_start registry "$REGISTRY_PORT"
  registry_start registry-b "$REGISTRY_B_PORT"

  if ! alive "$DIR/https.pid"; then
    setsid node "$ROOT/scripts/services/https-server.mjs" "$c" "$HTTPS_GOOD_PORT" "$HTTP_GOOD_PORT" \
      "$HTTPS_BROKEN_PORT" "$HTTP_BROKEN_PORT" "$DIR/https-requests.log" "$HTTP_PLAIN_PORT" >>"$DIR/https.log" 2>&1 </dev/null &
    echo $! >"$DIR/https.pid"
  fi

  # The push script waits for the registry to answer.
  node "$ROOT/scripts/services/push-images.mjs" "http://127.0.0.1:$REGISTRY_PORT" >"$DIR/images.json" &
  local push_a=$!
  node "$ROOT/scripts/services/push-images.mjs" "http://127.0.0.1:$REGISTRY_B_PORT" >"$DIR/images-b.json" &
  local push_b=$!
  wait "$push_a" || die "pushing the test images to the registry failed"
  wait "$push_b" || die "pushing the test images to the second registry failed"
  redis_ready noauth "$REDIS_NOAUTH_PORT"
  redis_ready auth "$REDIS_AUTH_PORT"
  redis_ready stats "$REDIS_STATS_PORT"
  redis_ready tls "$REDIS_TLS_PORT"
  redis_ready acl "$REDIS_ACL_PORT"
  wait_for "Redis (no auth)" 5 redis-cli -p "$REDIS_NOAUTH_PORT" ping
  wait_for "Redis (TLS)" 5 redis-cli --tls --cacert "$c/ca.crt" -p "$REDIS_TLS_PORT" ping
  wait_for "HTTPS test server" 5 listening "$HTTP_PLAIN_PORT"
  wait "$pga" || die "PostgreSQL cluster A failed to start (see $PGDIR/pg-A/server.log)"
  wait "$pgb" || die "PostgreSQL cluster B failed to start (see $PGDIR/pg-B/server.log)"
  wait "$pgc" || die "PostgreSQL cluster C failed to start (see $PGDIR/pg-C/server.log)"

  cat >"$ENV_FILE.tmp" <<EOF
# Written by scripts/services.sh start: throwaway services on 127.0.0.1 for the probe tests.
SERVICES_DIR=$DIR
CA_FILE=$c/ca.crt
PG_HOST=127.0.0.1
PG_A_PORT=$PG_A_PORT
PG_A_LOG=$PGDIR/pg-A/server.log
PG_A_APP_USER=license_api_staging
PG_A_APP_PASSWORD=$PG_A_APP_PASSWORD
PG_A_AUDIT_USER=coditect_audit
PG_A_AUDIT_PASSWORD=$PG_A_AUDIT_PASSWORD
PG_B_PORT=$PG_B_PORT
PG_B_LOG=$PGDIR/pg-B/server.log
PG_B_SUPERUSER=postgres
PG_B_SUPERUSER_PASSWORD=$PG_B_SUPERUSER_PASSWORD
PG_B_MEMBER_USER=cloudsql_app
PG_B_MEMBER_PASSWORD=$PG_B_MEMBER_PASSWORD
PG_B_OWNER_USER=app_owner
PG_B_OWNER_PASSWORD=$PG_B_OWNER_PASSWORD
PG_C_PORT=$PG_C_PORT
PG_C_LOG=$PGDIR/pg-C/server.log
PG_C_APP_USER=license_api_fleet
PG_C_APP_PASSWORD=$PG_C_APP_PASSWORD
PG_DATABASE=coditect
REDIS_HOST=127.0.0.1
REDIS_NOAUTH_PORT=$REDIS_NOAUTH_PORT
REDIS_AUTH_PORT=$REDIS_AUTH_PORT
REDIS_TLS_PORT=$REDIS_TLS_PORT
REDIS_STATS_PORT=$REDIS_STATS_PORT
REDIS_PASSWORD=$REDIS_PASSWORD
REDIS_ACL_PORT=$REDIS_ACL_PORT
REDIS_ACL_USER=auditor
REDIS_ACL_PASSWORD=$REDIS_ACL_PASSWORD
REGISTRY_URL=http://127.0.0.1:$REGISTRY_PORT
REGISTRY_LOG=$DIR/registry.log
REGISTRY_IMAGES=$DIR/images.json
REGISTRY_B_URL=http://127.0.0.1:$REGISTRY_B_PORT
REGISTRY_B_IMAGES=$DIR/images-b.json
HTTPS_GOOD_URL=https://127.0.0.1:$HTTPS_GOOD_PORT
HTTP_GOOD_URL=http://127.0.0.1:$HTTP_GOOD_PORT
HTTPS_BROKEN_URL=https://127.0.0.1:$HTTPS_BROKEN_PORT
HTTP_BROKEN_URL=http://127.0.0.1:$HTTP_BROKEN_PORT
HTTP_PLAIN_URL=http://127.0.0.1:$HTTP_PLAIN_PORT
HTTP_LOG=$DIR/https-requests.log
EOF
  mv "$ENV_FILE.tmp" "$ENV_FILE"
  log "ready in $((($(date +%s%N) - t0) / 1000000)) ms (.tmp/services.env)"
}

stop() {
  [ -d "$DIR" ] || [ -d "$PGDIR" ] || return 0
  pg_stop A &
  pg_stop B &
  pg_stop C &
  local f pids=() pid left
  for f in "$DIR"/redis-*.pid "$DIR"/registry*.pid "$DIR/https.pid"; do
    [ -f "$f" ] || continue
    pids+=("$(cat "$f")")
    rm -f "$f"
  done
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    # Throwaway servers: a few seconds to exit on SIGTERM, then SIGKILL.
    for _ in $(seq 1 100); do
      left=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
      [ $left = 0 ] && break
      sleep 0.05
    done
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  fi
  wait
  rm -f "$ENV_FILE"
  log "stopped"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
env) [ -f "$ENV_FILE" ] && cat "$ENV_FILE" || die "not started: run scripts/services.sh start" ;;
*) die "usage: scripts/services.sh start | stop | env" ;;
esac
