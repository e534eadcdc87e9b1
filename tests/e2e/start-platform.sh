#!/usr/bin/env bash
# Starts the platform exactly as the README's `npm start` does, on a fresh data directory.
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -rf data/e2e
export DATA_DIR=data/e2e PORT=3100 ADMIN_EMAIL=e2e-admin@fujia.local ADMIN_PASSWORD=e2e-admin-password
exec npm start
