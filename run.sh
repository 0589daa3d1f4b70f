#!/usr/bin/env bash
# Runs the whole suite locally, in the foreground: Keycloak (the identity provider), the EventStoreDB emulator
# (durable), the four services and the operator console on their default ports, then the data seeder. Ctrl-C stops
# everything. See ./run.sh --help.
set -uo pipefail
cd "$(dirname "$0")"

DATA_DIR="${PAYSTREAM_DATA:-$PWD/data}"
# Every JVM of the suite shares this machine: the quick JIT tier and the serial collector leave the cores to the
# work (the optimising JIT of six JVMs would take most of two cores for minutes), and a common thread pool keeps the
# EventStoreDB client's async stages off a new thread each (what the JDK does with fewer than three processors).
read -r -a JAVA_OPTS_ARRAY <<<"${PAYSTREAM_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.util.concurrent.ForkJoinPool.common.parallelism=4}"
read -r -a EMULATOR_JAVA_OPTS_ARRAY <<<"${PAYSTREAM_EMULATOR_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseG1GC -XX:MaxGCPauseMillis=50 -Djava.util.concurrent.ForkJoinPool.common.parallelism=4}"
DEMO_COUNT=0
MEMORY=false
REBUILD=false
INSTANCES=1

usage() {
  cat <<'EOF'
usage: ./run.sh [--demo [COUNT]] [--memory] [--rebuild] [--instances N]
  --demo [COUNT]  once everything is up, the scheme sends COUNT payments (default 200) with a realistic mix,
                  and a summary of how they ended is printed (completed, held, returned, failed)
  --memory        the emulator keeps nothing (default: durable in $PAYSTREAM_DATA/eventstore)
  --rebuild       build the jars even when they exist
  --instances N   N instances (1-4, default 1) of each service that consumes events (payment-scheme, sanctions,
                  accounts): instance k listens on the default port + 100 * (k - 1), e.g. 8181, 8182, 8183
Environment: PAYSTREAM_DATA (default ./data): the emulator's and Keycloak's data, the passwords made on the first
run (eventstore.credentials, keycloak.credentials) and the logs (logs/*.log).
PAYSTREAM_KEYCLOAK_JAVA_HOME: a JDK 21 or newer for Keycloak (default: the newest one in /usr/lib/jvm).
PAYSTREAM_JAVA_OPTS: JVM options of the emulator and the services (default: the quick JIT tier, the serial
collector and a common pool of 4 threads, for a small machine running all of them).
Ports: EventStoreDB emulator 2113, payment-scheme-service 8081, sanctions-service 8082, accounts-service 8083,
scheme-simulator 8084, operator console 8085, Keycloak 8180. A token for curl: TOKEN=$(keycloak/token.sh sam).
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --demo)
      DEMO_COUNT=200
      if [ $# -gt 1 ] && [[ "$2" =~ ^[0-9]+$ ]]; then DEMO_COUNT="$2"; shift; fi ;;
    --memory) MEMORY=true ;;
    --rebuild) REBUILD=true ;;
    --instances)
      [ $# -gt 1 ] && [[ "$2" =~ ^[1-4]$ ]] || { echo "--instances needs a number from 1 to 4" >&2; exit 64; }
      INSTANCES="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
  shift
done

say() { printf '%s\n' "[run.sh] $*"; }
fail() { printf '%s\n' "[run.sh] $*" >&2; exit 1; }

command -v java >/dev/null || fail "Java 17 or newer is needed on the PATH"
command -v curl >/dev/null || fail "curl is needed (health checks)"
JAVA_MAJOR=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${JAVA_MAJOR:-0}" -ge 17 ] 2>/dev/null || fail "Java 17 or newer is needed, found ${JAVA_MAJOR:-none}"

EMULATOR_JAR=eventstore-emulator/target/eventstore-emulator.jar
KEYCLOAK_HOME=keycloak/target/keycloak-26.7.3
SEEDER_JAR=data-seeder/target/data-seeder.jar
SERVICES=(payment-scheme-service:8081 sanctions-service:8082 accounts-service:8083 scheme-simulator:8084
  operator-console:8085)
JARS=("$EMULATOR_JAR" "$SEEDER_JAR")
for entry in "${SERVICES[@]}"; do JARS+=("${entry%%:*}/target/quarkus-app/quarkus-run.jar"); done

missing=false
for jar in "${JARS[@]}"; do [ -f "$jar" ] || missing=true; done
[ -x "$KEYCLOAK_HOME/bin/kc.sh" ] || missing=true
if $REBUILD || $missing; then
  say "building (./mvnw -B -q package -DskipTests; a few minutes on a fresh machine)"
  ./mvnw -B -q -ntp package -DskipTests || fail "the build failed"
fi

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
CONSUMERS=(payment-scheme-service:8081 sanctions-service:8082 accounts-service:8083)
EXTRA=()
for (( k=2; k<=INSTANCES; k++ )); do
  for entry in "${CONSUMERS[@]}"; do EXTRA+=("${entry%%:*}:$(( ${entry##*:} + 100 * (k - 1) ))"); done
done
for port in 2113 8081 8082 8083 8084 8085 8180 ${EXTRA[@]+"${EXTRA[@]##*:}"}; do
  port_in_use "$port" && fail "port $port is in use: is the suite already running? (stop it, or free the port)"
done

mkdir -p "$DATA_DIR/logs"

new_password() { head -c 24 /dev/urandom | base64 | tr -d '/+='; }
# People and programs sign in at Keycloak (realm paystream, keycloak/realm-paystream.json): every call to a service
# carries an access token. keycloak/start.sh makes the demo people's passwords and the clients' secrets on the first
# run and keeps them in the data folder (mode 600); the services that call another one get their client secret
# through their environment only.
KEYCLOAK_CREDENTIALS="$DATA_DIR/keycloak.credentials"
# The console keeps each operator's session (their tokens) in a cookie encrypted with a secret of its own.
CONSOLE_SECRET_FILE="$DATA_DIR/console.secret"
[ -s "$CONSOLE_SECRET_FILE" ] || (umask 077; new_password >"$CONSOLE_SECRET_FILE"; new_password >>"$CONSOLE_SECRET_FILE")
keycloak_credential() { sed -n "s/^$(printf '%s' "$1" | sed 's/\./\\./g')=//p" "$KEYCLOAK_CREDENTIALS" 2>/dev/null | head -n 1; }

# The store checks credentials and stream ACLs (the emulator runs with --auth). Each service connects as its own
# EventStoreDB user, whose private streams no other service may read or write; the seeder (as admin) creates the users
# and the ACLs before the services start. The passwords are made on the first run and kept in the data folder (mode
# 600); PAYSTREAM_EVENTSTORE_ADMIN_PASSWORD chooses admin's. They reach each process through its environment only.
STORE_USERS="$DATA_DIR/eventstore.credentials"
SERVICE_LOGINS=(payment-scheme-service sanctions-service accounts-service scheme-simulator)
store_password() { sed -n "s/^$1=//p" "$STORE_USERS" 2>/dev/null | head -n 1; }
if [ ! -s "$STORE_USERS" ]; then
  (umask 077
   printf '%s\n' "# EventStoreDB users of this suite (login=password), made by run.sh" \
     "admin=${PAYSTREAM_EVENTSTORE_ADMIN_PASSWORD:-$(new_password)}" "ops=$(new_password)" >"$STORE_USERS"
   for login in "${SERVICE_LOGINS[@]}"; do printf '%s\n' "$login=$(new_password)" >>"$STORE_USERS"; done)
fi
for login in admin ops "${SERVICE_LOGINS[@]}"; do
  [ -n "$(store_password "$login")" ] || fail "$STORE_USERS has no password for $login (delete it to make new ones)"
done
[[ "$(store_password admin)" =~ ^[A-Za-z0-9._~-]+$ ]] || fail "EventStoreDB passwords here are letters and digits"
# The store speaks TLS only: a CA of the suite's own and the node's certificate are made on the first run (openssl),
# and every client trusts that CA (tlsCAFile).
CERTS="$DATA_DIR/certs"
eventstore-emulator/make-certificates.sh "$CERTS" || fail "could not make the store's TLS certificates"
store_connection() {
  printf 'kurrentdb://%s:%s@localhost:2113?tls=true&tlsCAFile=%s' "$1" "$(store_password "$1")" "$CERTS/ca.crt"
}

# Every process the script starts, by index: its name, log, how to launch it again and its pid (empty while it waits
# to be restarted). A process that dies is restarted, as an orchestrator would (supervise, at the end).
NAMES=()
LOGS=()
LAUNCH=()
PIDS=()
STARTED_AT=()
FAILURES=()
RESTART_AT=()
stopping=false
stop_all() {
  $stopping && return
  stopping=true
  say "stopping"
  [ -n "${DEMO_PID:-}" ] && kill -TERM "$DEMO_PID" 2>/dev/null
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do [ -n "${PIDS[$i]}" ] && kill -TERM "${PIDS[$i]}" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    [ -n "$pid" ] || continue
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  say "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

spawn() { # index
  local i="$1"
  eval "${LAUNCH[$i]}" >>"${LOGS[$i]}" 2>&1 &
  PIDS[$i]=$!
  STARTED_AT[$i]=$SECONDS
}

start() { # name, log, command... (a command or a launch function below, which execs the program)
  local name="$1" log="$2" i="${#NAMES[@]}"
  shift 2
  NAMES+=("$name")
  LOGS+=("$log")
  if declare -F "$1" >/dev/null; then LAUNCH+=("$(printf '%q ' "$@")"); else LAUNCH+=("exec $(printf '%q ' "$@")"); fi
  FAILURES+=(0)
  RESTART_AT+=(0)
  spawn "$i"
  say "started $name (pid ${PIDS[$i]}, log $log)"
}

await_http() { # name, url, expected status, pid, curl options...
  local name="$1" url="$2" expected="$3" pid="$4" status
  shift 4
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$DATA_DIR/logs/$name.log" >&2; fail "$name exited while starting"; }
    status=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url" 2>/dev/null)
    [ "$status" = "$expected" ] && return 0
    sleep 0.2
  done
  fail "$name did not become healthy at $url in 120 s (log: $DATA_DIR/logs/$name.log)"
}

start keycloak "$DATA_DIR/logs/keycloak.log" keycloak/start.sh --data "$DATA_DIR" --port 8180 \
  --console-url http://localhost:8085
KEYCLOAK_PID="${PIDS[0]}"

if $MEMORY; then STORE_ARGS=(--memory); else STORE_ARGS=(--data "$DATA_DIR/eventstore"); fi
# The launch functions set a program's secrets in its environment only, and exec it (its pid is the one supervised).
launch_store() {
  EVENTSTORE_DEFAULT_ADMIN_PASSWORD="$(store_password admin)" EVENTSTORE_DEFAULT_OPS_PASSWORD="$(store_password ops)" \
    exec java "${EMULATOR_JAVA_OPTS_ARRAY[@]}" -jar "$EMULATOR_JAR" --port 2113 --auth "${STORE_ARGS[@]}" \
    --tls --cert-file "$CERTS/node.crt" --key-file "$CERTS/node.key"
}
start eventstore-emulator "$DATA_DIR/logs/eventstore-emulator.log" launch_store
await_http eventstore-emulator https://localhost:2113/health/live 204 "${PIDS[1]}" --cacert "$CERTS/ca.crt"
await_http keycloak http://localhost:8180/realms/paystream/.well-known/openid-configuration 200 "$KEYCLOAK_PID"
for client in data-seeder payment-scheme-service scheme-simulator; do
  [ -n "$(keycloak_credential "secret.$client")" ] || fail "$KEYCLOAK_CREDENTIALS has no secret for $client"
done

seed() { # seeder options...
  EVENTSTORE_CONNECTION_STRING="$(store_connection admin)" SEEDER_SERVICE_USERS="$STORE_USERS" \
    SEEDER_CLIENT_SECRET="$(keycloak_credential secret.data-seeder)" \
    java "${JAVA_OPTS_ARRAY[@]}" -jar "$SEEDER_JAR" "$@" >>"$DATA_DIR/logs/data-seeder.log" 2>&1 \
    || { tail -n 20 "$DATA_DIR/logs/data-seeder.log" >&2
         fail "the data seeder failed (if the store was made with other passwords, see README, Security)"; }
}
say "creating the services' EventStoreDB users and stream ACLs"
seed --store-only

launch_service() { # name, java options...
  local name="$1"; shift
  if [ "$name" = operator-console ]; then # talks to the services, not to the store
    CONSOLE_SESSION_SECRET="$(tr -d '\n' <"$CONSOLE_SECRET_FILE")" \
      exec java "${JAVA_OPTS_ARRAY[@]}" "$@" -jar "$name/target/quarkus-app/quarkus-run.jar"
  fi
  EVENTSTORE_CONNECTION_STRING="$(store_connection "$name")" \
    QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET="$(keycloak_credential "secret.$name")" \
    exec java "${JAVA_OPTS_ARRAY[@]}" "$@" -jar "$name/target/quarkus-app/quarkus-run.jar"
}
start_service() { # name, log, java options...
  local name="$1" log="$2"; shift 2
  start "$name" "$log" launch_service "$name" "$@"
}
for entry in "${SERVICES[@]}"; do
  name="${entry%%:*}"
  start_service "$name" "$DATA_DIR/logs/$name.log"
done
for i in "${!SERVICES[@]}"; do
  entry="${SERVICES[$i]}"
  await_http "${entry%%:*}" "http://localhost:${entry##*:}/q/health/ready" 200 "${PIDS[$((i + 2))]}"
done
# EventStoreDB resets a parked stream's ACL to $admins when it replays parked messages: this seeder, as admin, gives
# each service its read access back at once, for as long as the suite runs (docs/security.md)
launch_parked_grants() {
  EVENTSTORE_CONNECTION_STRING="$(store_connection admin)" exec java "${JAVA_OPTS_ARRAY[@]}" -jar "$SEEDER_JAR" \
    --keep-parked-grants
}
start parked-grants "$DATA_DIR/logs/parked-grants.log" launch_parked_grants
for entry in ${EXTRA[@]+"${EXTRA[@]}"}; do
  name="${entry%%:*}"
  port="${entry##*:}"
  start_service "$name" "$DATA_DIR/logs/$name-$port.log" "-Dquarkus.http.port=$port"
  await_http "$name-$port" "http://localhost:$port/q/health/ready" 200 "${PIDS[$((${#PIDS[@]} - 1))]}"
done

say "seeding demo data"
seed
tail -n 1 "$DATA_DIR/logs/data-seeder.log"

[ ${#EXTRA[@]} -gt 0 ] && say "more instances: ${EXTRA[*]}"
cat <<EOF
[run.sh] ready
  EventStoreDB emulator   kurrentdb://admin:…@localhost:2113?tls=true&tlsCAFile=$CERTS/ca.crt   (data: $( $MEMORY && echo "in memory" || echo "$DATA_DIR/eventstore"); users and passwords: $STORE_USERS)
  Keycloak                http://localhost:8180   realm paystream; people and client secrets: $KEYCLOAK_CREDENTIALS
  payment-scheme-service  http://localhost:8081   /payments, /inbound-payments        Swagger UI: /q/swagger-ui
  sanctions-service       http://localhost:8082   /sanctioned-names, /held-payments   Swagger UI: /q/swagger-ui
  accounts-service        http://localhost:8083   /accounts                            Swagger UI: /q/swagger-ui
  scheme-simulator        http://localhost:8084   /simulator/inbound-payments          Swagger UI: /q/swagger-ui
  operator console        http://localhost:8085   held payments, timelines, accounts, subscriptions (sign in at Keycloak)
  logs                    $DATA_DIR/logs
  people                  olivia (ops), sam (sanctions-officer), alex (account-officer), audrey (auditor),
                          operator (sanctions-officer, ops), carol and dan (customers): passwords in $KEYCLOAK_CREDENTIALS
Send a payment, as the scheme:
  TOKEN=\$(keycloak/token.sh scheme-simulator)
  curl -s -X POST localhost:8084/simulator/inbound-payments -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{"kind":"valid"}'
Ctrl-C stops everything.
EOF

demo() {
  local count="$1" batch ids statuses settled status n
  say "demo: the scheme sends $count payments with a realistic mix"
  local scheme auditor
  scheme=$(PAYSTREAM_DATA="$DATA_DIR" keycloak/token.sh scheme-simulator) || { say "demo: no token for the scheme"; return 1; }
  batch=$(curl -s -f -X POST localhost:8084/simulator/inbound-payments/batch -H "Authorization: Bearer $scheme" \
    -H 'Content-Type: application/json' -d "{\"count\":$count}") || { say "demo: the simulator refused the batch"; return 1; }
  ids="$DATA_DIR/logs/demo-payment-ids.txt"
  printf '%s' "$batch" | grep -o '"paymentId":"[^"]*"' | cut -d'"' -f4 | sort -u >"$ids"
  say "demo: $(wc -l <"$ids" | tr -d ' ') accepted by the bank ($(printf '%s' "$batch" | grep -o '"batchId":"[^"]*"' | head -n 1 | cut -d'"' -f4))"
  for _ in $(seq 1 300); do
    auditor=$(PAYSTREAM_DATA="$DATA_DIR" keycloak/token.sh audrey) || { say "demo: no token for audrey"; return 1; }
    settled=0
    statuses=""
    for status in COMPLETED HELD RETURNED FAILED; do
      n=$(curl -s -H "Authorization: Bearer $auditor" "localhost:8081/payments?status=$status" | grep -o '"paymentId":"[^"]*"' | cut -d'"' -f4 \
        | grep -c -F -x -f "$ids")
      settled=$((settled + n))
      statuses="$statuses $status=$n"
    done
    [ "$settled" -ge "$(wc -l <"$ids")" ] && break
    sleep 1
  done
  say "demo summary:$statuses (of $(wc -l <"$ids" | tr -d ' '))"
  say "demo: held payments wait for a sanctions officer: the console (sign in as sam), or curl -s -H \"Authorization: Bearer \$(keycloak/token.sh sam)\" localhost:8082/held-payments"
}
# the demo runs beside the supervision below (its summary comes when its payments have ended)
DEMO_PID=""
if [ "$DEMO_COUNT" -gt 0 ]; then
  demo "$DEMO_COUNT" &
  DEMO_PID=$!
fi

# Foreground until Ctrl-C. A process that exits is started again, as an orchestrator would restart it: after 1 s,
# then 2, 4, 8 and 16 s while it keeps dying within a minute of its start; after that many failures in a row the
# script gives up and stops everything. An emulator that kept nothing (--memory) comes back empty: its users and
# ACLs are made again, everything else it held is gone.
MAX_RESTARTS=5
supervise() {
  local i name status delay
  for i in "${!NAMES[@]}"; do
    name="${NAMES[$i]}"
    if [ -z "${PIDS[$i]}" ]; then
      [ "$SECONDS" -ge "${RESTART_AT[$i]}" ] || continue
      spawn "$i"
      say "restarted $name (pid ${PIDS[$i]})"
      if [ "$name" = eventstore-emulator ] && $MEMORY; then
        await_http eventstore-emulator https://localhost:2113/health/live 204 "${PIDS[$i]}" --cacert "$CERTS/ca.crt"
        say "the store kept nothing (--memory): making the services' users and ACLs again"
        seed --store-only
      fi
      continue
    fi
    kill -0 "${PIDS[$i]}" 2>/dev/null && continue
    wait "${PIDS[$i]}" 2>/dev/null
    status=$?
    PIDS[$i]=""
    [ $((SECONDS - STARTED_AT[i])) -ge 60 ] && FAILURES[$i]=0
    FAILURES[$i]=$((FAILURES[i] + 1))
    if [ "${FAILURES[$i]}" -gt "$MAX_RESTARTS" ]; then
      say "$name exited (status $status) again after $MAX_RESTARTS restarts, each within a minute of its start: giving up"
      tail -n 20 "${LOGS[$i]}" >&2
      exit 1
    fi
    delay=$((1 << (FAILURES[i] - 1)))
    RESTART_AT[$i]=$((SECONDS + delay))
    say "$name exited (status $status); restarting it in $delay s (attempt ${FAILURES[$i]} of $MAX_RESTARTS; log ${LOGS[$i]})"
  done
}
while true; do
  supervise
  sleep 1
done
