#!/usr/bin/env bash
# Throwaway database servers for driftgate's live-database tests: PostgreSQL 15,
# MariaDB and PgBouncer (transaction pooling), all on 127.0.0.1 only, all under
# one directory that is wiped on every start. Nothing here touches the system's
# own clusters (/etc/postgresql, /etc/mysql): every server gets its own config.
#
# Usage: scripts/db-servers.sh start|stop|status|env
#   start   install missing Debian packages, (re)create and start all three,
#           wait until each accepts connections
#   stop    stop whatever is running (idempotent)
#   status  print which servers are up; exit 0 when all three are, 3 otherwise
#   env     print `export` lines for the tests (DRIFTGATE_TEST_*_URL, PG_BIN)
#
#   DRIFTGATE_DB_DIR          where the servers live (default /tmp/driftgate-db)
#   DRIFTGATE_DB_PORT_OFFSET  added to every port below (default 0), so that a
#                             second set (its own DRIFTGATE_DB_DIR) can run next
#                             to the first; pass the same value to `env`/`stop`
#
# Layout of $DRIFTGATE_DB_DIR:
#   pg/data          PostgreSQL 15 primary (port 55432; its unix socket is here too)
#   pg/postgres.log
#   mariadb/         my.cnf, data/, mariadb.sock, mariadbd.pid, mariadbd.log (port 53306)
#   pgbouncer/       pgbouncer.ini, userlist.txt, pgbouncer.pid, pgbouncer.log (port 56432)
# Port 55433 (PostgreSQL's port + 1) is left free for a streaming replica
# (pg_basebackup -R) that tests may create under this directory; `stop` stops
# every PostgreSQL cluster below it. As root, such a replica must be created
# and started as the `postgres` OS user, like the primary.
#
# Authentication (all TCP, loopback only):
#   PostgreSQL  scram-sha-256 for every user; superuser dg_admin / dg-admin-pw-4711
#               (also allowed to replicate). Over the unix socket in pg/data (only
#               the server's OS user can open it) `trust`, used to bootstrap.
#   MariaDB     dg_admin@'%', @'127.0.0.1', @'localhost' / dg-admin-pw-4711, ALL
#               PRIVILEGES WITH GRANT OPTION. root@localhost has no password and
#               can only come in over the socket file.
#   PgBouncer   auth_type scram-sha-256. dg_admin is in userlist.txt; every other
#               user (including users tests create later with CREATE ROLE ...
#               PASSWORD) is looked up with auth_query in pg_shadow, run as
#               dg_admin (auth_user) in the database being connected to. Their
#               password must be stored as SCRAM (PostgreSQL 15's default).
set -euo pipefail

DIR=${DRIFTGATE_DB_DIR:-/tmp/driftgate-db}
PG_BIN=/usr/lib/postgresql/15/bin
PORT_OFFSET=${DRIFTGATE_DB_PORT_OFFSET:-0}
case "$PORT_OFFSET" in
  '' | *[!0-9]*) echo "db-servers: DRIFTGATE_DB_PORT_OFFSET must be a number (got '$PORT_OFFSET')" >&2; exit 2 ;;
esac
[ "$PORT_OFFSET" -le 9000 ] || { echo "db-servers: DRIFTGATE_DB_PORT_OFFSET must be at most 9000" >&2; exit 2; }
PG_PORT=$((55432 + PORT_OFFSET))
MYSQL_PORT=$((53306 + PORT_OFFSET))
BOUNCER_PORT=$((56432 + PORT_OFFSET))
ADMIN_USER=dg_admin
ADMIN_PW=dg-admin-pw-4711
WAIT_SECONDS=${DRIFTGATE_DB_WAIT_SECONDS:-60}
# A file whose presence says "this directory is ours to wipe".
MARKER=.driftgate-db-servers

PG_DIR=$DIR/pg
PG_DATA=$PG_DIR/data
MY_DIR=$DIR/mariadb
BNC_DIR=$DIR/pgbouncer

die() { printf 'db-servers: %s\n' "$*" >&2; exit 2; }
say() { printf 'db-servers: %s\n' "$*" >&2; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# PostgreSQL's initdb/postgres and PgBouncer refuse to run as root, so as root
# they run as the `postgres` OS user (created by Debian's postgresql package);
# otherwise as the current user. cd first: a server started from a directory
# its user cannot read (say /root) warns or fails.
# fd 9 (the start/stop lock) is closed so that daemons do not inherit it and
# hold the lock for as long as they run.
as_pg() {
  if is_root; then
    (cd "$DIR" && runuser -u postgres -- "$@") 9>&-
  else
    (cd "$DIR" && "$@") 9>&-
  fi
}

# ---------------------------------------------------------------- packages

install_packages() {
  local missing=()
  [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] || missing+=(postgresql-15)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client-15)
  command -v mariadbd >/dev/null 2>&1 && command -v mariadb-install-db >/dev/null 2>&1 \
    || missing+=(mariadb-server)
  command -v mariadb >/dev/null 2>&1 && command -v mariadb-admin >/dev/null 2>&1 \
    || missing+=(mariadb-client)
  command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if ! is_root; then
    command -v sudo >/dev/null 2>&1 \
      || die "missing Debian packages: ${missing[*]}. Installing them needs root or sudo; run 'apt-get install -y ${missing[*]}' as root and re-run."
    sudo=(sudo)
  fi
  say "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  # Debian starts the packages' own services on install where it can; ours run
  # separately on other ports, so those are not needed (and inside containers
  # policy-rc.d usually blocks them anyway).
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pgbouncer_bin() { command -v pgbouncer 2>/dev/null || echo /usr/sbin/pgbouncer; }

# ---------------------------------------------------------------- helpers

# Is something accepting TCP connections on 127.0.0.1:$1?
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Is pid $1 running? A zombie is not: daemons are orphans, and an init that
# does not reap (as in some containers) leaves dead ones answering kill -0.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [ "$(sed -n 's/.*) \(.\).*/\1/p' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

# The pid in file $1 when that process is alive and its command is $2 (a pid
# file left by a crash can name a pid that is now something else).
live_pid() {
  local file=$1 comm=$2 pid
  [ -r "$file" ] || return 1
  pid=$(head -n1 "$file" 2>/dev/null | tr -dc '0-9')
  [ -n "$pid" ] || return 1
  alive "$pid" || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$comm" ] || return 1
  echo "$pid"
}

# Send TERM to pid $1, wait up to $2 seconds, then KILL.
terminate() {
  local pid=$1 secs=$2 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < secs * 10; i++)); do
    alive "$pid" || return 0
    sleep 0.1
  done
  say "pid $pid did not stop after ${secs}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

log_tail() { [ -r "$1" ] && { echo "--- last lines of $1:"; tail -n 30 "$1"; } || echo "--- (no log at $1)"; }

# wait_for NAME LOGFILE CMD...: retry CMD until it succeeds or WAIT_SECONDS
# pass. When WATCH_PID is set, give up as soon as that process has died.
WATCH_PID=
wait_for() {
  local name=$1 log=$2 i
  shift 2
  for ((i = 0; i < WAIT_SECONDS * 4; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    if [ -n "$WATCH_PID" ] && ! alive "$WATCH_PID"; then
      printf 'db-servers: %s exited during startup.\n' "$name" >&2
      log_tail "$log" >&2
      exit 2
    fi
    sleep 0.25
  done
  printf 'db-servers: %s did not accept connections within %ss.\n' "$name" "$WAIT_SECONDS" >&2
  log_tail "$log" >&2
  exit 2
}

psql_socket() { # SQL over the unix socket in the data dir (trust; bootstrap only)
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DATA" -p "$PG_PORT" -U "$ADMIN_USER" -d postgres "$@"
}

mariadb_socket() { # SQL as root over the socket file (bootstrap only)
  mariadb --no-defaults --socket="$MY_DIR/mariadb.sock" -uroot "$@"
}

# ---------------------------------------------------------------- stop

stop_postgres() {
  # Every cluster below $DIR: the primary, and a replica a test may have made.
  local pidfile data pid
  [ -d "$DIR" ] || return 0
  while IFS= read -r pidfile; do
    data=$(dirname "$pidfile")
    pid=$(live_pid "$pidfile" postgres) || continue
    say "stopping PostgreSQL in $data (pid $pid)"
    as_pg "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 || terminate "$pid" 10
  done < <(find "$DIR" -maxdepth 4 -name postmaster.pid 2>/dev/null)
}

stop_mariadb() {
  local pid
  pid=$(live_pid "$MY_DIR/mariadbd.pid" mariadbd) || return 0
  say "stopping MariaDB (pid $pid)"
  terminate "$pid" 30   # TERM is mariadbd's clean shutdown
}

stop_pgbouncer() {
  local pid
  pid=$(live_pid "$BNC_DIR/pgbouncer.pid" pgbouncer) || return 0
  say "stopping PgBouncer (pid $pid)"
  terminate "$pid" 10   # TERM: immediate shutdown; clients are gone by now
}

stop_all() {
  stop_pgbouncer   # first: it holds connections to PostgreSQL
  stop_postgres
  stop_mariadb
}

# ---------------------------------------------------------------- start

prepare_dir() {
  case "$DIR" in
    /*) ;;
    *) die "DRIFTGATE_DB_DIR must be an absolute path (got '$DIR')" ;;
  esac
  [ "$DIR" != / ] || die "DRIFTGATE_DB_DIR must not be /"
  # The unix socket paths below it must fit in sockaddr_un (107 bytes).
  [ ${#DIR} -le 70 ] || die "DRIFTGATE_DB_DIR is too long for unix socket paths (keep it under 70 characters)"
  if [ -e "$DIR" ] && [ ! -e "$DIR/$MARKER" ] && [ -n "$(ls -A "$DIR" 2>/dev/null)" ]; then
    die "$DIR exists and was not made by this script; not wiping it. Remove it or set DRIFTGATE_DB_DIR."
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR" "$PG_DIR" "$MY_DIR" "$BNC_DIR"
  touch "$DIR/$MARKER"
  chmod 755 "$DIR"
  if is_root; then
    getent passwd postgres >/dev/null || die "the 'postgres' OS user is missing (Debian's postgresql package creates it)"
    chown postgres: "$PG_DIR" "$BNC_DIR"
    # MariaDB runs as the `mysql` user when there is one (mariadb-server creates it).
    if getent passwd mysql >/dev/null; then chown mysql: "$MY_DIR"; fi
  fi
}

# Our ports lie inside Linux's ephemeral range (32768-60999), so a client
# connection (a test's, a build's) can hold one as its local port, and a server
# binding it then fails with "Address already in use". As root, take them out
# of the kernel's automatic choice (ip_local_reserved_ports; until reboot, and
# explicit binds such as our servers' are unaffected). Best effort: in some
# containers /proc/sys is read-only.
reserve_ports() {
  local f=/proc/sys/net/ipv4/ip_local_reserved_ports current ours
  is_root && [ -w "$f" ] || return 0
  ours="$MYSQL_PORT,$PG_PORT-$((PG_PORT + 1)),$BOUNCER_PORT"
  current=$(cat "$f" 2>/dev/null) || return 0
  echo "${current:+$current,}$ours" >"$f" 2>/dev/null || true
}

# Could a server bind 127.0.0.1:$1 now? Tried the way the servers do it
# (SO_REUSEADDR, so TIME_WAIT left by our previous servers does not count).
# Perl because its Socket module is in perl-base, which every Debian has.
can_bind() {
  perl -MSocket -e 'socket(S, PF_INET, SOCK_STREAM, 0) or exit 2;
    setsockopt(S, SOL_SOCKET, SO_REUSEADDR, 1);
    bind(S, sockaddr_in($ARGV[0], inet_aton("127.0.0.1"))) or exit 1' "$1"
}

check_ports_free() {
  local port i
  for port in "$PG_PORT" "$MYSQL_PORT" "$BOUNCER_PORT"; do
    if port_open "$port"; then
      die "port $port on 127.0.0.1 is in use by another process (not one of ours: ours were stopped). $(ss -ltnpH "sport = :$port" 2>/dev/null | head -n1)"
    fi
    # Not listening but not bindable: some client connection holds it as its
    # local port (see reserve_ports); that goes away by itself (TIME_WAIT: 60s).
    for ((i = 0; i < 75; i++)); do
      can_bind "$port" && break
      [ "$i" -eq 0 ] && say "port $port is held by a client connection ($(ss -Htan "( sport = :$port )" 2>/dev/null | head -n1)); waiting for it to close"
      sleep 1
    done
    can_bind "$port" || die "port $port stays in use: $(ss -Htanp "( sport = :$port )" 2>/dev/null | head -n1)"
  done
}

start_postgres() {
  local pwfile=$PG_DIR/pwfile
  printf '%s\n' "$ADMIN_PW" >"$pwfile"
  if is_root; then chown postgres: "$pwfile"; fi
  chmod 600 "$pwfile"
  # The bootstrap superuser is dg_admin itself, so there is no `postgres` role.
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$ADMIN_USER" --pwfile="$pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
    >"$PG_DIR/initdb.log" 2>&1 || { log_tail "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  rm -f "$pwfile"

  cat >>"$PG_DATA/postgresql.conf" <<EOF

# --- driftgate test server (scripts/db-servers.sh) ---
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
password_encryption = 'scram-sha-256'
max_connections = 100
# A streaming replica (pg_basebackup -R) can be made from this primary.
wal_level = replica
max_wal_senders = 10
hot_standby = on
# Throwaway data: durability buys nothing here and costs test time.
fsync = off
synchronous_commit = off
EOF

  cat >"$PG_DATA/pg_hba.conf" <<EOF
# driftgate test server (scripts/db-servers.sh)
# TYPE  DATABASE     USER      ADDRESS        METHOD
# The socket lives in the data dir, which only the server's OS user can open.
local   all          all                      trust
local   replication  all                      trust
host    all          all       127.0.0.1/32   scram-sha-256
host    replication  $ADMIN_USER  127.0.0.1/32   scram-sha-256
EOF

  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t "$WAIT_SECONDS" start >/dev/null \
    || { log_tail "$PG_DIR/postgres.log" >&2; die "PostgreSQL did not start"; }
  wait_for "PostgreSQL (127.0.0.1:$PG_PORT)" "$PG_DIR/postgres.log" \
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -d postgres
  # initdb already gave the bootstrap role every attribute; say so explicitly
  # and set the password again now that password_encryption is certainly SCRAM.
  psql_socket -c "ALTER ROLE $ADMIN_USER WITH LOGIN SUPERUSER REPLICATION CREATEDB CREATEROLE PASSWORD '$ADMIN_PW'" >/dev/null
}

start_mariadb() {
  local user_line=
  if is_root; then
    # mariadbd refuses root unless told; the `mysql` user is the normal choice.
    if getent passwd mysql >/dev/null; then user_line="user = mysql"; else user_line="user = root"; fi
  fi
  # Our own config file, and --no-defaults for the clients, so /etc/mysql and
  # ~/.my.cnf never leak in. The charset matches Debian's packaged default.
  cat >"$MY_DIR/my.cnf" <<EOF
# driftgate test server (scripts/db-servers.sh)
[mysqld]
$user_line
datadir = $MY_DIR/data
socket = $MY_DIR/mariadb.sock
pid-file = $MY_DIR/mariadbd.pid
log-error = $MY_DIR/mariadbd.log
bind-address = 127.0.0.1
port = $MYSQL_PORT
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
# Small and fast: throwaway data on a small machine.
innodb_buffer_pool_size = 128M
innodb_flush_log_at_trx_commit = 2
innodb_log_file_size = 32M
max_connections = 200
# A binary log, so that a test can replicate from this server (tests/src/replica.rs).
server_id = 1
log_bin = $MY_DIR/binlog
binlog_format = ROW
EOF
  mariadb-install-db --defaults-file="$MY_DIR/my.cnf" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve >"$MY_DIR/install.log" 2>&1 \
    || { log_tail "$MY_DIR/mariadbd.log" >&2; die "mariadb-install-db failed (its output: $MY_DIR/install.log)"; }
  if [ "$user_line" = "user = mysql" ]; then chown -R mysql: "$MY_DIR"; fi

  # mariadbd does not daemonize: setsid puts it in its own session, so a
  # Ctrl-C in the terminal that started it (with-db.sh) does not reach it and
  # `stop` shuts it down cleanly instead.
  setsid mariadbd --defaults-file="$MY_DIR/my.cnf" </dev/null >>"$MY_DIR/mariadbd.out" 2>&1 9>&- &
  WATCH_PID=$!   # setsid execs in place here (a background job leads no group)
  wait_for "MariaDB (socket)" "$MY_DIR/mariadbd.log" \
    mariadb-admin --no-defaults --socket="$MY_DIR/mariadb.sock" -uroot ping
  WATCH_PID=
  local u
  for u in "'$ADMIN_USER'@'%'" "'$ADMIN_USER'@'127.0.0.1'" "'$ADMIN_USER'@'localhost'"; do
    mariadb_socket -e "CREATE USER $u IDENTIFIED BY '$ADMIN_PW'; GRANT ALL PRIVILEGES ON *.* TO $u WITH GRANT OPTION;"
  done
  # mariadb-install-db also makes password-less root@127.0.0.1, @::1 and
  # @<hostname>: anyone on the machine could log in over TCP. Keep only
  # root@localhost, which (with skip-name-resolve) means the socket file.
  local extra
  for extra in $(mariadb_socket -N -B -e "SELECT CONCAT(QUOTE(User),'@',QUOTE(Host)) FROM mysql.user WHERE User = 'root' AND Host <> 'localhost'"); do
    mariadb_socket -e "DROP USER $extra"
  done
  wait_for "MariaDB (127.0.0.1:$MYSQL_PORT)" "$MY_DIR/mariadbd.log" \
    env MYSQL_PWD="$ADMIN_PW" mariadb-admin --no-defaults -h 127.0.0.1 -P "$MYSQL_PORT" -u "$ADMIN_USER" ping
}

start_pgbouncer() {
  # dg_admin's password in plain text: PgBouncer needs it to log in to the
  # server as auth_user, and a plain entry also serves SCRAM to clients.
  printf '"%s" "%s"\n' "$ADMIN_USER" "$ADMIN_PW" >"$BNC_DIR/userlist.txt"
  cat >"$BNC_DIR/pgbouncer.ini" <<EOF
; driftgate test server (scripts/db-servers.sh)
[databases]
; every database name goes to the primary, so per-test databases work
* = host=127.0.0.1 port=$PG_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir = $BNC_DIR
pidfile = $BNC_DIR/pgbouncer.pid
logfile = $BNC_DIR/pgbouncer.log
pool_mode = transaction
auth_type = scram-sha-256
auth_file = $BNC_DIR/userlist.txt
; users not in auth_file (those tests create) are looked up in pg_shadow, as
; dg_admin, in the database the client connects to; an expired VALID UNTIL
; refuses the login as PostgreSQL would (cf. CVE-2025-2291)
auth_user = $ADMIN_USER
auth_query = SELECT usename, CASE WHEN valuntil < now() THEN NULL ELSE passwd END FROM pg_shadow WHERE usename = \$1
admin_users = $ADMIN_USER
stats_users = $ADMIN_USER
max_client_conn = 200
default_pool_size = 20
ignore_startup_parameters = extra_float_digits,options,search_path
; After a failed server login (say, a database that does not exist yet)
; PgBouncer refuses that pool for server_login_retry seconds (default 15): keep
; it short so a test that creates the database next is not stalled.
server_login_retry = 1
; A client whose login needs auth_query in a database that does not exist
; waits here (PgBouncer 1.18 has no auth_dbname): 30s instead of 120s.
query_wait_timeout = 30
EOF
  if is_root; then chown postgres: "$BNC_DIR"/*; fi
  chmod 600 "$BNC_DIR/userlist.txt"
  as_pg "$(pgbouncer_bin)" -d "$BNC_DIR/pgbouncer.ini" \
    || { log_tail "$BNC_DIR/pgbouncer.log" >&2; die "PgBouncer did not start"; }
  wait_for "PgBouncer (127.0.0.1:$BOUNCER_PORT)" "$BNC_DIR/pgbouncer.log" \
    env PGPASSWORD="$ADMIN_PW" PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -At -h 127.0.0.1 -p "$BOUNCER_PORT" \
    -U "$ADMIN_USER" -d postgres -c 'SELECT 1'
}

# ---------------------------------------------------------------- commands

cmd_start() {
  install_packages
  stop_all
  reserve_ports
  check_ports_free
  prepare_dir
  start_postgres
  say "PostgreSQL 15 up on 127.0.0.1:$PG_PORT"
  start_mariadb
  say "MariaDB $(mariadbd --version | awk '{print $3}') up on 127.0.0.1:$MYSQL_PORT"
  start_pgbouncer
  say "PgBouncer $("$(pgbouncer_bin)" --version | awk 'NR==1{print $2}') up on 127.0.0.1:$BOUNCER_PORT (pool_mode=transaction)"
}

cmd_status() {
  local all=0 pid
  if pid=$(live_pid "$PG_DATA/postmaster.pid" postgres) && port_open "$PG_PORT"; then
    echo "postgresql  up    127.0.0.1:$PG_PORT (pid $pid)"
  else echo "postgresql  down"; all=3; fi
  if pid=$(live_pid "$MY_DIR/mariadbd.pid" mariadbd) && port_open "$MYSQL_PORT"; then
    echo "mariadb     up    127.0.0.1:$MYSQL_PORT (pid $pid)"
  else echo "mariadb     down"; all=3; fi
  if pid=$(live_pid "$BNC_DIR/pgbouncer.pid" pgbouncer) && port_open "$BOUNCER_PORT"; then
    echo "pgbouncer   up    127.0.0.1:$BOUNCER_PORT (pid $pid)"
  else echo "pgbouncer   down"; all=3; fi
  return $all
}

cmd_env() {
  printf 'export DRIFTGATE_TEST_PG_URL=%q\n' "postgres://$ADMIN_USER:$ADMIN_PW@127.0.0.1:$PG_PORT/postgres"
  printf 'export DRIFTGATE_TEST_MYSQL_URL=%q\n' "mysql://$ADMIN_USER:$ADMIN_PW@127.0.0.1:$MYSQL_PORT/mysql"
  printf 'export DRIFTGATE_TEST_PGBOUNCER_URL=%q\n' "postgres://$ADMIN_USER:$ADMIN_PW@127.0.0.1:$BOUNCER_PORT/postgres"
  printf 'export DRIFTGATE_TEST_DB_DIR=%q\n' "$DIR"
  printf 'export PG_BIN=%q\n' "$PG_BIN"
}

# start and stop wipe and kill things: one at a time per directory.
with_lock() {
  exec 9>"${DIR%/}.lock"
  flock -w 300 9 || die "another db-servers.sh holds ${DIR%/}.lock"
  "$@"
}

case "${1:-}" in
  start) with_lock cmd_start ;;
  stop) with_lock stop_all ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
esac
