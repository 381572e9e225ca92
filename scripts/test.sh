#!/usr/bin/env bash
# The one test command (npm test): format/lint, types, generated files up to date, the server and unit suites on the
# embedded database, the same database suites again on PostgreSQL when DATABASE_URL is set, then browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "format and lint (biome)"
npx biome check .

step "type-check"
npm run -s typecheck

step "generated migrations match the schema"
(cd packages/server && npx drizzle-kit generate --name check >/dev/null)
if [ -n "$(git status --porcelain -- packages/server/drizzle)" ]; then
  git status --porcelain -- packages/server/drizzle
  echo "The Drizzle schema changed without a committed migration: run 'npm run db:generate' and commit it." >&2
  git clean -fdq -- packages/server/drizzle && git checkout -- packages/server/drizzle
  exit 1
fi

mapfile -t unit_tests < <(find packages/contracts/src packages/server/src packages/web/src -name '*.test.ts' 2>/dev/null | sort)

step "unit and integration tests on the embedded database (PGlite)"
env -u DATABASE_URL node --import tsx --test --test-concurrency=2 "${unit_tests[@]}"

if [ -n "${DATABASE_URL:-}" ]; then
  step "the same tests on PostgreSQL ($(echo "$DATABASE_URL" | sed -E 's#//[^@]*@#//#'))"
  node --import tsx --test --test-concurrency=2 "${unit_tests[@]}"
fi

if [ "${SKIP_E2E:-0}" != "1" ]; then
  step "browser tests (Chromium)"
  npm run -s build >/dev/null
  mapfile -t e2e_tests < <(find packages/e2e/src -name '*.e2e.ts' | sort)
  if [ "${#e2e_tests[@]}" -gt 0 ]; then
    env -u DATABASE_URL node --import tsx --test --test-concurrency=1 "${e2e_tests[@]}"
  fi
fi
