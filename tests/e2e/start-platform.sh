#!/usr/bin/env bash
# Starts the platform exactly as the README's `npm start` does, on a fresh data directory, sending SMS through a
# local fake of Tencent Cloud SMS (tests/e2e/smsFake.ts) from which tests read verification codes.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${E2E_PORT:-3100}
rm -rf "data/e2e-$port"
export DATA_DIR="data/e2e-$port" PORT="$port" ADMIN_EMAIL=e2e-admin@fujia.local ADMIN_PASSWORD=e2e-admin-password
# Tests that send verification codes name their own client address in X-Forwarded-For (tests/e2e/sms.ts), so the
# per-address SMS limits (1 a minute) apply to each test instead of to the whole suite on 127.0.0.1. Requests
# without the header count against the socket's address as before.
export TRUST_PROXY="${TRUST_PROXY:-127.0.0.1}"
mkdir -p "$DATA_DIR"
node tests/e2e/smsFake.ts --env > "$DATA_DIR/sms.env" &
sms_pid=$!
trap 'kill "$sms_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$DATA_DIR/sms.env" ] && break; sleep 0.1; done
# shellcheck disable=SC1091
source "$DATA_DIR/sms.env"
npm start
