#!/usr/bin/env bash
# Prints an access token from the suite's Keycloak, for curl: TOKEN=$(keycloak/token.sh olivia)
#   WHO a person (olivia, sam, alex, audrey, operator, carol, dan): password grant through the walk-through's client
#       paystream-cli (PAYSTREAM_TOKEN_CLIENT=bank-channel: through the bank's channel, whose tokens carry only the
#       customer role);
#   WHO a client id (scheme-simulator, data-seeder, ...): client credentials, the client's own roles.
# Passwords and secrets come from $PAYSTREAM_DATA/keycloak.credentials (made by keycloak/start.sh; PAYSTREAM_DATA
# defaults to ./data); Keycloak at $PAYSTREAM_KEYCLOAK_URL (default http://localhost:8180).
set -euo pipefail

[ $# -eq 1 ] && [[ "$1" =~ ^[a-z][a-z0-9-]*$ ]] || { echo "usage: keycloak/token.sh WHO (a person or a client id)" >&2; exit 64; }
WHO="$1"
CREDENTIALS="${PAYSTREAM_DATA:-$PWD/data}/keycloak.credentials"
KEYCLOAK_URL="${PAYSTREAM_KEYCLOAK_URL:-http://localhost:8180}"
[ -r "$CREDENTIALS" ] || { echo "$CREDENTIALS not found: start Keycloak first (./run.sh or keycloak/start.sh), or set PAYSTREAM_DATA" >&2; exit 1; }
# values are letters and digits (start.sh makes them so): they go into the form as they are
credential() { sed -n "s/^$(printf '%s' "$1" | sed 's/\./\\./g')=//p" "$CREDENTIALS" | head -n 1; }

# the form goes to curl on its standard input: no secret on a command line (ps shows those to everyone)
if [ -n "$(credential "secret.$WHO")" ]; then
  form="grant_type=client_credentials&client_id=$WHO&client_secret=$(credential "secret.$WHO")"
elif [ -n "$(credential "$WHO")" ] && [ "$WHO" != admin ]; then
  client="${PAYSTREAM_TOKEN_CLIENT:-paystream-cli}"
  [ -n "$(credential "secret.$client")" ] || { echo "no secret for client $client in $CREDENTIALS" >&2; exit 1; }
  form="grant_type=password&scope=openid&client_id=$client&client_secret=$(credential "secret.$client")"
  form="$form&username=$WHO&password=$(credential "$WHO")"
else
  echo "$WHO is neither a person nor a client in $CREDENTIALS" >&2; exit 1
fi

answer=$(printf '%s' "$form" | curl -s -S -X POST "$KEYCLOAK_URL/realms/paystream/protocol/openid-connect/token" \
  -H 'Content-Type: application/x-www-form-urlencoded' --data-binary @-) \
  || { echo "Keycloak at $KEYCLOAK_URL did not answer" >&2; exit 1; }
token=$(printf '%s' "$answer" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "no token for $WHO: $answer" >&2; exit 1; }
printf '%s\n' "$token"
