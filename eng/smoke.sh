#!/usr/bin/env bash
# Smoke check of a running CaseFy, end to end, from outside: what a browser and Event Grid will meet.
#
#   eng/smoke.sh <api-url> <portal-url>
#
# One line per check, then a verdict. Stops at the first failure, saying what it expected and what it got, and exits 1
# (2 for bad usage). Needs bash, curl and jq (all in Azure Cloud Shell): the checks read like the HTTP they send.
#
# Environment:
#   CASEFY_TOKEN           an access token for the API with the CaseFy.Admin role. In Azure:
#                            az account get-access-token --resource api://<client-id> --query accessToken -o tsv
#                          Unset: a development token from POST <api>/api/dev/token (the local host only).
#   CASEFY_WEBHOOK_SECRET  the Event Grid webhook secret (azd env get-value CASEFY_INBOUND_WEBHOOK_SECRET; locally the
#                          host's --Events:InboundSecret). Required: the handshake is checked with and without it.
#   CASEFY_WEBHOOK_HEADER  the delivery header that carries it (default: CaseFy-Webhook-Secret).
#   CASEFY_SMOKE_TIMEOUT   seconds to wait for the orchestration and the events feed (default: 60).
#
# It leaves a template ("Smoke check …"), one closed case and one portal link behind: a record of the run.
set -uo pipefail

if [ $# -ne 2 ]; then
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
for tool in curl jq; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is needed (apt-get install -y $tool)"; exit 2; }
done

api=${1%/}
portal=${2%/}
origin_of() { sed -E 's#^([a-z]+://[^/]+).*#\1#' <<<"$1"; }
api_origin=$(origin_of "$api")
portal_origin=$(origin_of "$portal")
other_origin=https://smoke-check.invalid
header=${CASEFY_WEBHOOK_HEADER:-CaseFy-Webhook-Secret}
timeout=${CASEFY_SMOKE_TIMEOUT:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0

pass() { passed=$((passed + 1)); printf 'ok    %s\n' "$1"; }
fail() {
  printf 'FAIL  %s\n      expected: %s\n      got:      %s\n' "$1" "$2" "$3"
  echo "smoke: FAILED after $passed passed checks ($api, portal $portal)"
  exit 1
}

# request METHOD URL [curl options...]: the status in $status, headers in $work/h, body in $work/b.
request() {
  local method=$1 url=$2
  shift 2
  status=$(curl -sS -o "$work/b" -D "$work/h" -w '%{http_code}' --max-time 30 -X "$method" "$@" "$url" 2>"$work/e") \
    || status="no answer ($(tr -d '\n' <"$work/e"))"
}
# The value of response header $1 (case-insensitive, last one wins), without the line end.
header_value() { grep -i "^$1:" "$work/h" | tail -n 1 | cut -d: -f2- | sed -e 's/^ *//' -e 's/\r$//'; }
body() { cat "$work/b"; }
json() { jq -r "$1" "$work/b" 2>/dev/null; }
expect_status() { [ "$status" = "$2" ] || fail "$1" "HTTP $2" "HTTP $status: $(head -c 300 "$work/b")"; }
auth=()

# --- the two origins -------------------------------------------------------------------------------------------
request GET "$api/api/health"
expect_status "health" 200
[ "$(json .status)" = healthy ] || fail "health" 'status "healthy"' "$(body)"
pass "health: $(jq -c . "$work/b")"

request GET "$portal/config.json"
expect_status "portal config.json" 200
[ "$(json .apiBaseUrl | sed 's#/$##')" = "$api_origin" ] || fail "portal config.json" "apiBaseUrl $api_origin" "$(body)"
pass "portal config.json names the API ($api_origin)"

request GET "$api/api/config"
expect_status "sign-in settings (/api/config)" 200
mode=$(json .signIn.mode)
case $mode in entra | dev) ;; *) fail "sign-in settings (/api/config)" 'signIn.mode "entra" or "dev"' "$(body)" ;; esac
pass "sign-in settings: mode $mode"

preflight() {
  request OPTIONS "$api/api/cases" -H "Origin: $1" -H 'Access-Control-Request-Method: POST' \
    -H 'Access-Control-Request-Headers: authorization,content-type'
}
preflight "$portal_origin"
allowed=$(header_value Access-Control-Allow-Origin)
[ "$allowed" = "$portal_origin" ] || fail "CORS preflight from the portal" "Access-Control-Allow-Origin: $portal_origin" "HTTP $status, '${allowed:-no such header}'"
[ -z "$(header_value Access-Control-Allow-Credentials)" ] || fail "CORS preflight from the portal" "no Access-Control-Allow-Credentials (bearer tokens only)" "$(header_value Access-Control-Allow-Credentials)"
pass "CORS preflight from $portal_origin allowed, without credentials"

preflight "$other_origin"
[ -z "$(header_value Access-Control-Allow-Origin)" ] || fail "CORS preflight from another origin" "no Access-Control-Allow-Origin" "$(header_value Access-Control-Allow-Origin)"
pass "CORS preflight from $other_origin refused"

request GET "$portal/"
expect_status "portal security headers" 200
csp=$(header_value Content-Security-Policy)
connect=$(tr ';' '\n' <<<"$csp" | sed 's/^ *//' | grep '^connect-src ' || true)
[ "$(header_value X-Content-Type-Options)" = nosniff ] || fail "portal security headers" "X-Content-Type-Options: nosniff" "'$(header_value X-Content-Type-Options)'"
grep -q "frame-ancestors 'none'" <<<"$csp" || fail "portal security headers" "a CSP with frame-ancestors 'none'" "'$csp'"
grep -qw -- "$api_origin" <<<"$connect" || fail "portal security headers" "connect-src naming $api_origin" "'$connect'"
! grep -q '\*' <<<"$connect" || fail "portal security headers" "connect-src without wildcards" "'$connect'"
pass "portal security headers: $connect"

request GET "$api/api/health"
[ "$(header_value Content-Security-Policy)" = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'" ] \
  || fail "API security headers" "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'; base-uri 'none'" "'$(header_value Content-Security-Policy)'"
[ "$(header_value X-Content-Type-Options)" = nosniff ] || fail "API security headers" "X-Content-Type-Options: nosniff" "'$(header_value X-Content-Type-Options)'"
[ "$(header_value Referrer-Policy)" = no-referrer ] || fail "API security headers" "Referrer-Policy: no-referrer" "'$(header_value Referrer-Policy)'"
pass "API security headers"

# --- sign-in ---------------------------------------------------------------------------------------------------
if [ -n "${CASEFY_TOKEN:-}" ]; then
  token=$CASEFY_TOKEN
  how="token from CASEFY_TOKEN"
else
  request POST "$api/api/dev/token" -H 'Content-Type: application/json' -d '{"name":"Smoke Check","roles":["CaseFy.Admin"]}'
  expect_status "sign-in (development token; set CASEFY_TOKEN for a deployment)" 200
  token=$(json .accessToken)
  how="development token"
fi
auth=(-H "Authorization: Bearer $token")
request GET "$api/api/cases?pageSize=1"
expect_status "sign-in: no token is refused" 401
request GET "$api/api/cases?pageSize=1" "${auth[@]}"
expect_status "sign-in: the token is accepted ($how)" 200
pass "sign-in: $how accepted, no token refused"

# --- a case, end to end ----------------------------------------------------------------------------------------
stamp=$(date -u +%Y%m%dT%H%M%SZ)
request POST "$api/api/templates" "${auth[@]}" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Smoke check $stamp\",\"stages\":[{\"key\":\"first\",\"name\":\"First\"},{\"key\":\"second\",\"name\":\"Second\"}]}"
expect_status "template created" 201
template=$(json .id)
pass "template $template"

request POST "$api/api/cases" "${auth[@]}" -H 'Content-Type: application/json' -d "{\"templateId\":\"$template\",\"title\":\"Smoke check $stamp\"}"
expect_status "case opened" 201
case_id=$(json .id)

# wait_for CHECK JQ-CONDITION: polls the case until the condition holds.
wait_for() {
  local deadline=$((SECONDS + timeout))
  while :; do
    request GET "$api/api/cases/$case_id" "${auth[@]}"
    [ "$status" = 200 ] && [ "$(json "$2")" = true ] && return 0
    [ $SECONDS -ge $deadline ] && fail "$1" "within ${timeout}s: $2" "HTTP $status: $(jq -c '{status, currentStage: .currentStage.key}' "$work/b" 2>/dev/null || body)"
    sleep 0.5
  done
}
wait_for "case $case_id enters its first stage" '.currentStage.key == "first"'
pass "case $case_id in stage first"

request POST "$api/api/cases/$case_id/portal-links" "${auth[@]}" -H 'Content-Type: application/json' -d '{"name":"Smoke Check","actions":["view"],"expiresInDays":1}'
expect_status "portal link created" 201
link=$(json .url)
link_token=$(json .token)
[ "${link%%#*}" = "$portal_origin/portal.html" ] || fail "portal link created" "a link to $portal_origin/portal.html#…" "$link"
request GET "${link%%#*}"
expect_status "portal link's page on the portal" 200
request GET "$api/api/portal/$link_token" -H "Origin: $portal_origin"
expect_status "portal link opened without a token" 200
[ "$(json .title)" = "Smoke check $stamp" ] || fail "portal link opened without a token" "the case's title" "$(body)"
pass "portal link on $portal_origin opens the case without a token"

for stage in first second; do
  request POST "$api/api/cases/$case_id/advance" "${auth[@]}" -H 'Content-Type: application/json' -d "{\"reason\":\"smoke check\",\"fromStage\":\"$stage\"}"
  expect_status "advance from $stage" 202
  if [ $stage = first ]; then
    wait_for "case moves to stage second" '.currentStage.key == "second"'
    pass "advanced to stage second"
  else
    wait_for "case closes" '.status == "closed"'
    pass "advanced out of the last stage: case closed"
  fi
done

# --- events ----------------------------------------------------------------------------------------------------
deadline=$((SECONDS + timeout))
cursor=
seen=
while :; do
  request GET "$api/api/events?pageSize=100${cursor:+&after=$cursor}" "${auth[@]}"
  expect_status "events feed" 200
  seen+=$(jq -r --arg id "$case_id" '.items[] | select(.data.caseId == $id) | .type' "$work/b" 2>/dev/null)$'\n'
  cursor=$(json .cursor)
  grep -q '^casefy.case.caseClosed$' <<<"$seen" && break
  if [ "$(json '.items | length')" = 0 ]; then
    [ $SECONDS -ge $deadline ] && fail "events feed" "within ${timeout}s: caseCreated … caseClosed of case $case_id" "$(grep -c . <<<"$seen") events: $(tr '\n' ' ' <<<"$seen")"
    sleep 1
  fi
done
grep -q '^casefy.case.caseCreated$' <<<"$seen" || fail "events feed" "casefy.case.caseCreated of case $case_id" "$(tr '\n' ' ' <<<"$seen")"
pass "events feed: $(grep -c . <<<"$seen") events of the case, caseCreated to caseClosed"

# --- Event Grid ------------------------------------------------------------------------------------------------
[ -n "${CASEFY_WEBHOOK_SECRET:-}" ] || fail "Event Grid handshake" "CASEFY_WEBHOOK_SECRET set (the webhook secret)" "unset"
code="smoke-$stamp"
handshake="[{\"id\":\"$code\",\"topic\":\"smoke\",\"subject\":\"smoke\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"eventTime\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"data\":{\"validationCode\":\"$code\"},\"dataVersion\":\"1\"}]"
request POST "$api/api/events/eventgrid" -H 'Content-Type: application/json' -H 'aeg-event-type: SubscriptionValidation' -d "$handshake"
expect_status "Event Grid handshake without $header" 401
request POST "$api/api/events/eventgrid" -H 'Content-Type: application/json' -H 'aeg-event-type: SubscriptionValidation' \
  -H "$header: $CASEFY_WEBHOOK_SECRET" -d "$handshake"
expect_status "Event Grid handshake with $header" 200
[ "$(json .validationResponse)" = "$code" ] || fail "Event Grid handshake with $header" "validationResponse $code" "$(body)"
pass "Event Grid handshake: answered with $header, 401 without"

echo "smoke: all $passed checks passed ($api, portal $portal)"
