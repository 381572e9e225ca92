#!/usr/bin/env bash
# The one test command (npm test): format/lint, types, generated files up to date, the server and unit suites on the
# embedded database, the same database suites again on PostgreSQL when DATABASE_URL is set, then browser tests.
#
#   scripts/test.sh            everything (npm test)
#   scripts/test.sh unit       the unit and integration suites only (npm run test:unit)
#   scripts/test.sh e2e        the browser tests only (npm run test:e2e)
#   scripts/test.sh attack     the attack group only: *.attack.test.ts and *.attack.e2e.ts (npm run test:attack)
#
# The database suites start every test file from a copy of one template database built here per run (see
# packages/server/src/testing/test-templates.ts and docs/adr/0013-test-template-databases.md).
# TEST_CONCURRENCY sets how many test processes run at once (default 2, the CI machine's cores), E2E_CONCURRENCY how
# many browser processes (default 2); TEST_FILES_PER_PROCESS and E2E_FILES_PER_PROCESS how many files share a process
# (default 10 and 6); E2E_RETRIES=0 keeps a failed browser file from running a second time; SKIP_E2E=1 skips
# Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

group="${1:-all}"
case "$group" in all | unit | e2e | attack) ;; *)
  echo "usage: scripts/test.sh [all|unit|e2e|attack]" >&2
  exit 2
  ;;
esac
concurrency="${TEST_CONCURRENCY:-2}"

# Per-step timing: each step's elapsed seconds are printed when the next one starts and summed up at the end.
run_started=$SECONDS
step_name=""
step_started=$SECONDS
timings=()
end_step() {
  if [ -n "$step_name" ]; then
    timings+=("$(printf '%5ds  %s' "$((SECONDS - step_started))" "$step_name")")
    step_name=""
  fi
}
step() {
  end_step
  step_name="$*"
  step_started=$SECONDS
  printf '\n== %s\n' "$*"
}

templates=""
build=""
typecheck_pid=""
typecheck_log=""
# Waits for the type-check started beside the build (a failure stops the run here, before any test).
await_typecheck() {
  [ -n "$typecheck_pid" ] || return 0
  step "type-check (started after lint, ran beside the steps since)"
  local rc=0
  wait "$typecheck_pid" || rc=$?
  typecheck_pid=""
  cat "$typecheck_log"
  rm -f "$typecheck_log"
  return "$rc"
}
finish() {
  local rc=$?
  [ -n "$typecheck_pid" ] && kill "$typecheck_pid" 2>/dev/null
  [ -n "$typecheck_log" ] && rm -f "$typecheck_log"
  end_step
  if [ -n "$templates" ]; then
    node --import tsx packages/server/src/testing/test-templates-cli.ts drop "$templates" || true
  fi
  if [ -n "$build" ]; then
    compgen -G "$build/*times*.tsv" >/dev/null && printf '\n== the slowest test files\n'
    node scripts/test-times.mjs embedded="$build/times-embedded.tsv" postgres="$build/times-postgres.tsv" \
      browser="$build/failed-browser-files.txt.times.tsv,$build/failed-browser-files.txt.retry.times.tsv" || true
    rm -rf "$build"
  fi
  printf '\n== timings\n'
  [ "${#timings[@]}" -gt 0 ] && printf '%s\n' "${timings[@]}"
  local total=$((SECONDS - run_started))
  printf '%5ds  total (%dm%02ds), %s\n' "$total" "$((total / 60))" "$((total % 60))" "$([ "$rc" = 0 ] && echo passed || echo FAILED)"
  exit "$rc"
}
trap finish EXIT

# Compares the schema with the committed migrations without touching packages/server/drizzle: drizzle-kit generates
# into a copy of the folder, and anything it adds there is a migration the developer has not written yet (an
# uncommitted migration in the folder counts as written, and is never deleted).
check_migrations() {
  local scratch rel output missing
  scratch="$(mktemp -d)"
  cp -R packages/server/drizzle "$scratch/drizzle"
  rel="$(realpath --relative-to=packages/server "$scratch")" # drizzle-kit takes `out` relative to the config's cwd
  printf 'import base from "%s/packages/server/drizzle.config.ts";\nexport default { ...base, out: "%s/drizzle" };\n' \
    "$PWD" "$rel" >"$scratch/drizzle.config.ts"
  output="$(cd packages/server && npx drizzle-kit generate --config "$scratch/drizzle.config.ts" --name check 2>&1)" || {
    echo "$output" >&2
    rm -rf "$scratch"
    return 1
  }
  missing="$(diff -rq packages/server/drizzle "$scratch/drizzle" | sed "s#$scratch/##" || true)"
  if [ -n "$missing" ]; then
    echo "$missing"
    for sql in "$scratch"/drizzle/*_check.sql; do
      [ -f "$sql" ] && printf '\nThe migration the schema needs (drizzle-kit generate would write it):\n%s\n' "$(cat "$sql")"
    done
    rm -rf "$scratch"
    echo "The Drizzle schema changed without a migration: run 'npm run db:generate' and commit it." >&2
    return 1
  fi
  rm -rf "$scratch"
  # drizzle-kit reports some failures (e.g. an unreadable snapshot) with exit status 0: insist on its all-clear.
  if ! grep -q "No schema changes" <<<"$output"; then
    echo "$output" >&2
    echo "drizzle-kit did not confirm that the migrations match the schema (see above)." >&2
    return 1
  fi
}

if [ "$group" = all ]; then
  step "format and lint (biome)"
  npx biome check .

  # The type-check runs beside the steps that follow (migrations, build, template databases), which leave a core idle
  # much of the time; its answer is awaited before the first test (await_typecheck).
  typecheck_log="$(mktemp)"
  npm run -s typecheck >"$typecheck_log" 2>&1 &
  typecheck_pid=$!

  step "generated migrations match the schema"
  check_migrations
fi

if [ "$group" = attack ]; then
  unit_pattern='*.attack.test.ts'
  e2e_pattern='*.attack.e2e.ts'
else
  unit_pattern='*.test.ts'
  e2e_pattern='*.e2e.ts' # also matches *.attack.e2e.ts
fi
mapfile -t unit_tests < <(find packages/contracts/src packages/server/src packages/web/src -name "$unit_pattern" 2>/dev/null | sort)
mapfile -t e2e_tests < <(find packages/e2e/src -name "$e2e_pattern" | sort)
[ "$group" = e2e ] && unit_tests=()
{ [ "$group" = unit ] || [ "${SKIP_E2E:-0}" = "1" ]; } && e2e_tests=()
if [ "$group" = attack ]; then
  printf 'attack group: %d server files, %d browser files\n' "${#unit_tests[@]}" "${#e2e_tests[@]}"
fi

if [ "${#unit_tests[@]}" -gt 0 ] || [ "${#e2e_tests[@]}" -gt 0 ]; then
  # Before any test: compiled-server.test.ts starts the build and the browser tests load it; building while other
  # files read packages/web/dist would race with them. Nothing is rebuilt when it is up to date (ADR 0015).
  step "build (contracts, server, web app; only what changed)"
  npm run -s build >/dev/null

  step "template databases (migrated and seeded once for all test files)"
  templates="$(mktemp -d "${TMPDIR:-/tmp}/openclm-test-templates.XXXXXX")"
  # PostgreSQL templates too when DATABASE_URL is set: the second database pass and the browser tests use them.
  node --import tsx packages/server/src/testing/test-templates-cli.ts build "$templates"
  export OPENCLM_TEST_TEMPLATES="$templates"

  # Every test process runs plain JavaScript compiled here once, instead of translating the server through tsx on
  # its own (see packages/server/src/testing/compile-tests.ts). Under node_modules so that packages resolve from it.
  step "compile the test files (esbuild)"
  mkdir -p node_modules/.cache
  build="$(mktemp -d "node_modules/.cache/openclm-tests.XXXXXX")"
  node --import tsx packages/server/src/testing/compile-tests.ts "$build" "${unit_tests[@]}" "${e2e_tests[@]}" \
    packages/server/src/main.ts packages/server/scripts/audit-verify.ts packages/server/scripts/admin-create.ts \
    packages/server/scripts/keys-rotate.ts packages/server/scripts/dhis2-push.ts
  export OPENCLM_TEST_BUILD="$PWD/$build"
fi
await_typecheck
# The compiled copies of the test files given.
compiled() {
  local f
  for f in "$@"; do printf '%s/%s\n' "$build" "${f%.ts}.mjs"; done
}
# The database passes run several test files in one process, each file as a suite of its own (group-tests.ts, ADR
# 0013): a process's first seconds of CPU (packages, WebAssembly, JIT) are then paid once per group, not per file.
# TEST_FILES_PER_PROCESS sets how many (default 10; 1 runs every file in a process of its own), E2E_FILES_PER_PROCESS
# the same for browser files (default 6; a browser process also starts one Chromium for all its files). The groups
# are balanced by each file's seconds in an earlier run (scripts/test-costs.json; UPDATE_TEST_COSTS=1 npm test
# refreshes it), so that the last group does not run alone at the end of a pass.
grouped() {
  local name="$1" per_process="$2" f
  shift 2
  local pairs=()
  for f in "$@"; do pairs+=("$f=$build/${f%.ts}.mjs"); done
  node --import tsx packages/server/src/testing/group-tests.ts "$build" "$name" "$per_process" "${pairs[@]}"
}

# The reporters of a database pass: TAP on stdout as usual, and each file's seconds into the run's build folder
# (file-times-reporter.mjs), which the run's summary names the slowest of.
timed() {
  printf '%s\n' --test-reporter=tap --test-reporter-destination=stdout \
    --test-reporter=./scripts/file-times-reporter.mjs --test-reporter-destination="$build/times-$1.tsv"
}

# No test process waits for ever: one that hangs (an awaited notification that never comes) fails after 10 minutes,
# instead of holding the run until CI's limit. node's --test-timeout applies to each process as a whole; a group takes
# one to three minutes.
test_timeout=600000

# What a test file that uses a database calls (testing/test-app.ts, test-server.ts, test-templates.ts, db/database.ts).
database_pattern='createTestApp\|startTestServer\|createSeededDatabase\|createTestDatabase\|openDatabase\|DATABASE_URL'

if [ "${#unit_tests[@]}" -gt 0 ]; then
  step "unit and integration tests on the embedded database (PGlite): ${#unit_tests[@]} files"
  mapfile -t files < <(grouped embedded "${TEST_FILES_PER_PROCESS:-10}" "${unit_tests[@]}")
  env -u DATABASE_URL node --enable-source-maps --test --test-timeout="$test_timeout" --test-concurrency="$concurrency" \
    $(timed embedded) "${files[@]}"

  if [ -n "${DATABASE_URL:-}" ]; then
    # Only files that open a database: the others (pure functions, the web app's units) would repeat the same thing.
    # Files marked "test-database: embedded only" run the real server on a DATA_DIR of its own (start-up, shutdown,
    # the lock file) and never read DATABASE_URL: a second pass would repeat them on the same database.
    mapfile -t pg_tests < <(grep -l "$database_pattern" "${unit_tests[@]}" | xargs -r grep -L "test-database: embedded only")
    step "the same tests on PostgreSQL ($(echo "$DATABASE_URL" | sed -E 's#//[^@]*@#//#')): ${#pg_tests[@]} files"
    mapfile -t files < <(grouped postgres "${TEST_FILES_PER_PROCESS:-10}" "${pg_tests[@]}")
    node --enable-source-maps --test --test-timeout="$test_timeout" --test-concurrency="$concurrency" \
      $(timed postgres) "${files[@]}"
  fi
fi

# Browser files that fail are run once more on their own (E2E_RETRIES, default 1; 0 turns it off). A file that then
# passes is named FLAKY in the timings and the step still passes: one timing-sensitive step on a loaded machine should
# not throw away a whole run, and the name says what to fix. A file that fails twice fails the run.
#
# With DATABASE_URL set, each browser file's server runs on its own copy of the PostgreSQL template: the server's
# database work then runs in PostgreSQL's processes, beside Chromium and the test process, instead of in the test
# process's embedded database (about half of that process's CPU). The embedded database's own end-to-end path is
# first-country.e2e.ts, which runs the real server on a DATA_DIR whatever DATABASE_URL says; without DATABASE_URL
# every browser file runs on the embedded database.
run_browser_files() {
  local failed_list="$1"
  shift
  node --enable-source-maps --test --test-timeout="$test_timeout" --test-concurrency="${E2E_CONCURRENCY:-2}" \
    --test-reporter=tap --test-reporter-destination=stdout \
    --test-reporter=./scripts/failed-files-reporter.mjs --test-reporter-destination="$failed_list" \
    --test-reporter=./scripts/file-times-reporter.mjs --test-reporter-destination="$failed_list.times.tsv" "$@"
}
if [ "${#e2e_tests[@]}" -gt 0 ]; then
  step "browser tests (Chromium): ${#e2e_tests[@]} files"
  mapfile -t files < <(grouped browser "${E2E_FILES_PER_PROCESS:-6}" "${e2e_tests[@]}")
  failed_list="$build/failed-browser-files.txt"
  if ! run_browser_files "$failed_list" "${files[@]}"; then
    # The reporter names the source file (source maps are on, and a group names each file in it): run its compiled
    # copy again, on its own.
    mapfile -t failed < <(sort -u "$failed_list" | while read -r f; do
      case "$f" in *.ts) compiled "$(realpath --relative-to=. "$f")" ;; *) echo "$f" ;; esac
    done)
    # No file named (the runner itself failed) or retries off: the first answer stands.
    if [ "${#failed[@]}" -eq 0 ] || [ "${E2E_RETRIES:-1}" = "0" ]; then exit 1; fi
    step "browser tests, second run of the ${#failed[@]} file(s) that failed: ${failed[*]##*/}"
    run_browser_files "$failed_list.retry" "${failed[@]}"
    for f in "${failed[@]}"; do timings+=("$(printf '%5s  FLAKY (failed once, passed on retry): %s' "" "${f##*/}")"); done
  fi
fi
