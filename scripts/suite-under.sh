#!/usr/bin/env bash
# Runs the whole test suite once in an unusual environment, to show that no test depends on the
# date, the time zone or the default locale (issue 11). Extra arguments go to Maven.
#   scripts/suite-under.sh faketime   the clock starts at 2027-01-05 23:59:58 (a one-digit day,
#                                     two seconds before midnight) and runs on from there
#   scripts/suite-under.sh tz         TZ=Pacific/Kiritimati (UTC+14: the local date is not UTC's)
#   scripts/suite-under.sh locale     test JVMs default to Turkish (dotless i in toUpperCase)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="${1:-}"
shift || true

"$root/scripts/install-test-deps.sh"
cd "$root"
case "$mode" in
  # Only the wall clock is faked: monotonic clocks (System.nanoTime, timeouts, the JIT) keep
  # running normally, as they would on a machine whose date is simply different.
  # FAKETIME_FORCE_MONOTONIC_FIX=0: libfaketime 0.9.10's default "monotonic fix" of
  # pthread_cond_timedwait makes every timed wait of a JVM return at once (Object.wait(10) takes
  # 0.03 ms, LockSupport.parkNanos(10 ms) 0.1 ms), so every bounded wait becomes a busy loop and a
  # JVM on two cores crawls; with the fix off, timed waits last as long as asked and the date is
  # still faked.
  faketime)
    command -v faketime >/dev/null || { echo "suite-under: faketime not found (apt-get install faketime)" >&2; exit 1; }
    exec env FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0 faketime -f '@2027-01-05 23:59:58' mvn -B verify "$@" ;;
  tz)
    exec env TZ=Pacific/Kiritimati mvn -B verify "$@" ;;
  locale)
    exec mvn -B verify -Dtest.extra.args="-Duser.language=tr -Duser.country=TR" "$@" ;;
  *)
    echo "usage: scripts/suite-under.sh faketime|tz|locale [maven arguments]" >&2
    exit 2 ;;
esac
