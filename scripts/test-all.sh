#!/usr/bin/env bash
# The project's test command (./kit test): type-check, lint, and every package's tests.
#
# Store and plugin tests run on SQLite always, and on PostgreSQL too when one answers at $KIT_POSTGRES_URL
# (default postgresql://postgres@127.0.0.1:5432). With KIT_REQUIRE_POSTGRES=1 (set by .ci/run) a missing
# PostgreSQL is an error, so a PostgreSQL-only failure cannot hide behind a SQLite-only run.
# Writes the test counts to .data/test-results.json for .ci/run's summary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

KIT_POSTGRES_URL="${KIT_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}"

step() { printf '\n=== %s\n' "$*"; }

step "Backstage release check"
node scripts/check-backstage-release.mjs

step "OpenAPI specs match their generated routers"
node scripts/generate-openapi.mjs --check

step "Type check (yarn tsc)"
# From scratch: an incremental build can print an inferred union in another member order ('a' | 'b' vs 'b' | 'a')
# than a fresh one, and the API reports below are compared with reports made from a fresh build (CI's).
rm -rf dist-types
yarn tsc

step "API reports match the public API"
# tsc just wrote dist-types, which api-reports reads; `yarn test:api-reports` would run tsc again.
yarn backstage-repo-tools api-reports --ci -o ae-wrong-input-file-type 'plugins/*'

step "Lint (yarn lint:all)"
yarn lint:all

if node scripts/postgres-reachable.mjs "$KIT_POSTGRES_URL"; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$KIT_POSTGRES_URL"
  databases="SQLite and PostgreSQL 15 ($KIT_POSTGRES_URL)"
elif [[ "${KIT_REQUIRE_POSTGRES:-}" == "1" ]]; then
  echo "PostgreSQL is required (KIT_REQUIRE_POSTGRES=1) but does not answer at $KIT_POSTGRES_URL" >&2
  exit 1
else
  databases="SQLite only (no PostgreSQL at $KIT_POSTGRES_URL)"
fi

step "Unit, store and HTTP tests on $databases"
mkdir -p .data
# No Docker engine here: TestDatabases uses the connection strings above instead of starting containers.
CI=true BACKSTAGE_TEST_DISABLE_DOCKER=1 yarn test --json --outputFile=.data/test-results.json
