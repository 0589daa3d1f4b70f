#!/usr/bin/env bash
# Starts Keycloak, the suite's identity provider, in the foreground (Ctrl-C or SIGTERM stops it): realm paystream
# from keycloak/realm-paystream.json, its embedded dev database in $PAYSTREAM_DATA/keycloak (a restart keeps it).
# Every password and client secret is made on the first start, kept in $PAYSTREAM_DATA/keycloak.credentials (mode
# 600) and handed to Keycloak through the environment only. See ./start.sh --help.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
KEYCLOAK_VERSION=26.7.3

usage() {
  cat <<'EOF'
usage: keycloak/start.sh [--data DIR] [--port PORT] [--console-url URL]
  --data DIR         the suite's data folder (default $PAYSTREAM_DATA, else ./data): the database goes to
                     DIR/keycloak, the passwords and secrets to DIR/keycloak.credentials
  --port PORT        HTTP port (default $PAYSTREAM_KEYCLOAK_PORT, else 8180); health: /health/ready on that port
  --console-url URL  where the operator console is (default $PAYSTREAM_CONSOLE_URL, else http://localhost:8085):
                     its sign-in redirects and web origin
Environment: PAYSTREAM_KEYCLOAK_JAVA_HOME (a JDK 21 or newer; else the newest one in /usr/lib/jvm, else java on
the PATH), PAYSTREAM_KEYCLOAK_HOME (default keycloak/target/keycloak-26.7.3, made by ./mvnw package),
PAYSTREAM_KEYCLOAK_JAVA_OPTS (JVM options, default: a 384 MB heap, the serial collector, the quick JIT tier).
The realm is imported on the first start only (with that start's console URL): later starts keep the database
and the credentials file; delete both to start afresh.
EOF
}

DATA_DIR="${PAYSTREAM_DATA:-$PWD/data}"
PORT="${PAYSTREAM_KEYCLOAK_PORT:-8180}"
CONSOLE_URL="${PAYSTREAM_CONSOLE_URL:-http://localhost:8085}"
while [ $# -gt 0 ]; do
  case "$1" in
    --data) [ $# -gt 1 ] || { usage >&2; exit 64; }; DATA_DIR="$2"; shift ;;
    --port) [ $# -gt 1 ] && [[ "$2" =~ ^[0-9]+$ ]] || { echo "--port needs a number" >&2; exit 64; }; PORT="$2"; shift ;;
    --console-url) [ $# -gt 1 ] || { usage >&2; exit 64; }; CONSOLE_URL="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 64 ;;
  esac
  shift
done

CONSOLE_URL="${CONSOLE_URL%/}"
fail() { printf '%s\n' "[keycloak] $*" >&2; exit 1; }

# Keycloak 26 needs Java 21 or newer; the suite itself runs on 17.
release_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1; }
find_java_home() {
  local home major best="" best_major=0
  if [ -n "${PAYSTREAM_KEYCLOAK_JAVA_HOME:-}" ]; then
    major=$(release_major "$PAYSTREAM_KEYCLOAK_JAVA_HOME")
    [ -x "$PAYSTREAM_KEYCLOAK_JAVA_HOME/bin/java" ] && [ "${major:-0}" -ge 21 ] \
      || fail "PAYSTREAM_KEYCLOAK_JAVA_HOME=$PAYSTREAM_KEYCLOAK_JAVA_HOME is not a Java 21 or newer (found ${major:-none})"
    printf '%s' "$PAYSTREAM_KEYCLOAK_JAVA_HOME"; return
  fi
  for home in /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] || continue
    major=$(release_major "$home")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$home"; best_major="$major"; fi
  done
  if [ -z "$best" ] && command -v java >/dev/null; then
    major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ "${major:-0}" -ge 21 ] 2>/dev/null \
      && best=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
  fi
  [ -n "$best" ] || fail "Keycloak needs Java 21 or newer: none in /usr/lib/jvm nor on the PATH; install one, or point PAYSTREAM_KEYCLOAK_JAVA_HOME at it"
  printf '%s' "$best"
}
JAVA_HOME="$(find_java_home)"
export JAVA_HOME

KC_HOME="${PAYSTREAM_KEYCLOAK_HOME:-$HERE/target/keycloak-$KEYCLOAK_VERSION}"
REALM_FILE="$HERE/realm-paystream.json"
[ -x "$KC_HOME/bin/kc.sh" ] || fail "$KC_HOME is missing: build first (./mvnw -B -q package -DskipTests, or -pl keycloak)"
(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && fail "port $PORT is in use (another Keycloak?)"

# The realm file, where kc.sh start-dev --import-realm reads it (the build puts it there; a newer one replaces it).
mkdir -p "$KC_HOME/data/import"
if ! cmp -s "$REALM_FILE" "$KC_HOME/data/import/realm-paystream.json"; then
  cp "$REALM_FILE" "$KC_HOME/data/import/.realm-paystream.json.$$"
  mv -f "$KC_HOME/data/import/.realm-paystream.json.$$" "$KC_HOME/data/import/realm-paystream.json"
fi

# Credentials: admin=… (the master realm's admin), <person>=… (password), secret.<client-id>=… (client secret).
# The names come from the realm file's placeholders: ${PAYSTREAM_PASSWORD_OLIVIA} is olivia,
# ${PAYSTREAM_SECRET_SCHEME_SIMULATOR} is secret.scheme-simulator.
mkdir -p "$DATA_DIR/keycloak"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"
CREDENTIALS="$DATA_DIR/keycloak.credentials"
new_secret() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }
placeholders=$(grep -o '\${PAYSTREAM_\(PASSWORD\|SECRET\)_[A-Z0-9_]*}' "$REALM_FILE" | tr -d '${}' | sort -u)
credential_name() { # placeholder variable -> name in the credentials file
  case "$1" in
    PAYSTREAM_PASSWORD_*) printf '%s' "${1#PAYSTREAM_PASSWORD_}" | tr 'A-Z' 'a-z' ;;
    PAYSTREAM_SECRET_*) printf 'secret.%s' "$(printf '%s' "${1#PAYSTREAM_SECRET_}" | tr 'A-Z_' 'a-z-')" ;;
  esac
}
credential() { sed -n "s/^$(printf '%s' "$1" | sed 's/\./\\./g')=//p" "$CREDENTIALS" 2>/dev/null | head -n 1; }
(umask 077
 [ -s "$CREDENTIALS" ] || printf '%s\n' "# Keycloak of this suite, made by keycloak/start.sh: admin is the master realm's admin, <person> a" \
   "# password in realm paystream, secret.<client-id> a client's secret" "admin=$(new_secret)" >"$CREDENTIALS"
 for variable in $placeholders; do
   name=$(credential_name "$variable")
   [ -n "$(credential "$name")" ] || printf '%s\n' "$name=$(new_secret)" >>"$CREDENTIALS"
 done)
chmod 600 "$CREDENTIALS"
for variable in $placeholders; do
  value=$(credential "$(credential_name "$variable")")
  [[ "$value" =~ ^[A-Za-z0-9._~-]+$ ]] || fail "$CREDENTIALS: no usable value for $(credential_name "$variable")"
  export "$variable=$value"
done
export PAYSTREAM_CONSOLE_URL="$CONSOLE_URL"
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(credential admin)"

# Two cores shared with the whole suite: a bounded heap, the serial collector and the quick JIT tier (kc.sh's
# default is G1 with up to 512 MB). JAVA_OPTS replaces kc.sh's defaults, so its other defaults are repeated here.
export JAVA_OPTS="${PAYSTREAM_KEYCLOAK_JAVA_OPTS:--Xms64m -Xmx384m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError} -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.err.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -Djava.security.egd=file:/dev/urandom -Djdk.tls.rejectClientInitiatedRenegotiation=true"

# The database (H2 file) at DATA_DIR/keycloak/h2: Keycloak's default dev-file URL is
# <kc.db-url-path>/<kc.data.dir>/h2/keycloakdb. Health on the HTTP port itself: no management port to collide.
# A fixed hostname makes the issuer http://localhost:PORT/realms/paystream whichever address a client uses.
exec "$KC_HOME/bin/kc.sh" start-dev --import-realm --http-port="$PORT" --hostname="http://localhost:$PORT" \
  --health-enabled=true --http-management-health-enabled=false --log-console-color=false \
  "-Dkc.db-url-path=$DATA_DIR" -Dkc.data.dir=keycloak \
  "-Dquarkus.transaction-manager.object-store.directory=$DATA_DIR/keycloak/transaction-logs"
