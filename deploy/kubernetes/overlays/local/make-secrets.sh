#!/usr/bin/env bash
# Makes, once, every file the local overlay's Secrets are generated from, into DIR (default: secrets/ beside this
# script, which git ignores): the store's admin and ops passwords, each service's store password, Keycloak's admin
# password with the demo people's passwords and the clients' secrets, the console's session secret, and a CA of the
# suite's own with a certificate for each of the three KurrentDB nodes (its pod name kurrentdb-N.kurrentdb, the cluster
# name kurrentdb, both also in full in the namespace paystream; the common name eventstoredb-node that KurrentDB's
# nodes expect of each other); and keycloak.credentials, the same passwords and secrets as keycloak/token.sh reads
# them. Files that exist are kept, so running it again changes nothing.
#   usage: deploy/kubernetes/overlays/local/make-secrets.sh [DIR]
set -euo pipefail
DIR="${1:-$(cd "$(dirname "$0")" && pwd)/secrets}"
command -v openssl >/dev/null || { echo "make-secrets: openssl is needed (apt-get install openssl)" >&2; exit 1; }
umask 077
mkdir -p "$DIR/certificates"
new_password() { head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 40; }

env_file() { # file, key...
  local file="$DIR/$1"; shift
  [ -s "$file" ] && return 0
  for key in "$@"; do printf '%s=%s\n' "$key" "$(new_password)"; done >"$file.new"
  mv "$file.new" "$file"
}
env_file kurrentdb-admin.env admin-password ops-password
env_file store-users.env payment-scheme-service sanctions-service accounts-service scheme-simulator
env_file identity.env keycloak-admin-password password-olivia password-sam password-alex password-audrey \
  password-operator password-carol password-dan secret-scheme-simulator secret-payment-scheme-service \
  secret-bank-channel secret-data-seeder secret-load-benchmark secret-paystream-cli
env_file operator-console.env session-secret
# the same people's passwords and clients' secrets as keycloak/token.sh reads them:
#   PAYSTREAM_DATA=deploy/kubernetes/overlays/local/secrets keycloak/token.sh sam
[ -s "$DIR/keycloak.credentials" ] || sed -e 's/^keycloak-admin-password=/admin=/' -e 's/^password-//' \
  -e 's/^secret-/secret./' "$DIR/identity.env" >"$DIR/keycloak.credentials"

cd "$DIR/certificates"
if [ ! -s ca.crt ] || [ ! -s ca.key ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -sha256 \
    -subj "/CN=Paystream KurrentDB CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  rm -f kurrentdb-*.crt kurrentdb-*.key
fi
for node in kurrentdb-0 kurrentdb-1 kurrentdb-2; do
  [ -s "$node.crt" ] && [ -s "$node.key" ] && continue
  openssl req -newkey rsa:2048 -nodes -keyout "$node.key" -out "$node.csr" -subj "/CN=eventstoredb-node" 2>/dev/null
  printf '%s\n' \
    "subjectAltName=DNS:$node.kurrentdb,DNS:$node.kurrentdb.paystream.svc.cluster.local,DNS:kurrentdb,DNS:kurrentdb.paystream.svc.cluster.local,DNS:localhost,IP:127.0.0.1" \
    "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth,clientAuth" >"$node.ext"
  openssl x509 -req -in "$node.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "$node.crt" -days 825 -sha256 \
    -extfile "$node.ext" 2>/dev/null
  rm -f "$node.csr" "$node.ext" ca.srl
done
echo "make-secrets: the local overlay's secrets are in $DIR"
