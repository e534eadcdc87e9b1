#!/usr/bin/env bash
# Starts the platform exactly as the README's `npm start` does, on a fresh data directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${E2E_PORT:-3100}
rm -rf "data/e2e-$port"
export DATA_DIR="data/e2e-$port" PORT="$port" ADMIN_EMAIL=e2e-admin@fujia.local ADMIN_PASSWORD=e2e-admin-password
exec npm start
