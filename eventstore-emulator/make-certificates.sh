#!/usr/bin/env bash
# Makes what a TLS store node needs, once, into DIR (default ./data/certs): a CA of the suite's own (ca.crt, its key
# ca.key) and a node certificate signed by it for localhost and 127.0.0.1 (node.crt, node.key: PEM, the key PKCS#8).
# The keys are readable only by their owner. Files that exist are kept, so a restart keeps the clients' trust.
#   usage: eventstore-emulator/make-certificates.sh [DIR]
# Clients then connect with esdb://…@localhost:2113?tls=true&tlsCAFile=DIR/ca.crt.
set -euo pipefail
DIR="${1:-${PAYSTREAM_DATA:-$PWD/data}/certs}"
command -v openssl >/dev/null || { echo "make-certificates: openssl is needed (apt-get install openssl)" >&2; exit 1; }
mkdir -p "$DIR"
cd "$DIR"
umask 077
if [ ! -s ca.crt ] || [ ! -s ca.key ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -sha256 \
    -subj "/CN=Paystream local CA" -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  rm -f node.crt node.key
fi
if [ ! -s node.crt ] || [ ! -s node.key ]; then
  openssl req -newkey rsa:2048 -nodes -keyout node.key -out node.csr -subj "/CN=eventstore-node" 2>/dev/null
  printf '%s\n' "subjectAltName=DNS:localhost,IP:127.0.0.1" "basicConstraints=CA:FALSE" \
    "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth,clientAuth" >node.ext
  openssl x509 -req -in node.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out node.crt -days 825 -sha256 \
    -extfile node.ext 2>/dev/null
  rm -f node.csr node.ext ca.srl
fi
chmod 644 ca.crt node.crt
chmod 600 ca.key node.key
