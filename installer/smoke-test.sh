#!/usr/bin/env bash
# Smoke test of the packaged app (issue 5), run by .ci/run after the unit tests:
#  1. builds the app-image (and the .deb) with the installer profile; checks DynamoDB Local is not inside;
#  2. the launcher prints the pom's version, and passes exit codes through; on Linux it is the shell script that
#     installer/linux-launcher.sh wrote (no rpm/dpkg lookup at start);
#  3. on a temporary data folder (CRUDDUR_CONSOLE_HOME): refuses to install DynamoDB Local without consent, installs it
#     through the app's own step (downloaded from Maven Central, checksums verified), then schema-load, seed and
#     get-conversation --json on the embedded profile, with the JSON checked;
#  4. starts the GUI under Xvfb and writes a screenshot to target/screenshots/app-image.png; checks its DynamoDB Local
#     listens on loopback only and that a CLI command borrows it; takes the display away and checks that neither the
#     console nor its DynamoDB Local outlives it (nor any other DynamoDB Local process of this run).
#  5. the console's ahead-of-time cache, when the build made one: it maps after the app-image moved; an empty, random
#     or truncated cache never stops the CLI or the GUI from starting, and the JVM's messages stay off stdout.
# Needs root for apt-get when xvfb, GTK or ImageMagick are missing. Usage: installer/smoke-test.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== smoke: %s\n' "$*"; }
fail() { printf 'smoke test FAILED: %s\n' "$*" >&2; exit 1; }

app_image=target/installer/app-image/cruddur-console
launcher=$app_image/bin/cruddur-console
version=$(python3 -c "import xml.etree.ElementTree as E; print(E.parse('pom.xml').getroot().find('{http://maven.apache.org/POM/4.0.0}version').text)")

started=()
work=$(mktemp -d)
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# before the build: it records the console's ahead-of-time cache from a training launch under Xvfb (installer/aot-cache.sh)
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
[ -x /usr/bin/import ] || missing+=(imagemagick)
command -v xwininfo >/dev/null || missing+=(x11-utils)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing+=(libgtk-3-0)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" != "--no-build" ]; then
  log "build the app-image and the .deb"
  start=$(date +%s)
  mvn -B -ntp -Pinstaller -DskipTests package
  echo "installer build took $(( $(date +%s) - start )) s"
fi
[ -x "$launcher" ] || fail "no launcher at $launcher"
du -sh "$app_image" target/installer/packages/* 2>/dev/null || true

log "DynamoDB Local is not in the app-image (its license forbids redistributing it)"
if find "$app_image" -iname 'DynamoDBLocal*' -o -iname '*sqlite4java*' | grep -q .; then
  fail "the app-image contains DynamoDB Local: $(find "$app_image" -iname 'DynamoDBLocal*' | head -3)"
fi

log "--version and exit codes"
out=$("$launcher" --version)
echo "$out"
[ "$out" = "Cruddur Messages Console $version" ] || fail "--version printed '$out', expected 'Cruddur Messages Console $version'"
set +e; "$launcher" ddb no-such-command >/dev/null 2>&1; code=$?; set -e
[ "$code" = 2 ] || fail "a usage error exited $code, expected 2"
if [ "$(uname -s)" = Linux ]; then
  # installer/linux-launcher.sh: jpackage's native launcher runs rpm -qf and dpkg -S on itself at every start
  [ "$(head -c 9 "$launcher")" = '#!/bin/sh' ] || fail "$launcher is still jpackage's native launcher (asks dpkg at every start)"
  if command -v strace >/dev/null; then
    ! strace -f -e trace=execve "$launcher" --version 2>&1 | grep -q 'dpkg\|rpm' || fail "the launcher still runs dpkg or rpm"
  fi
fi

export CRUDDUR_CONSOLE_HOME=$work/home
mkdir -p "$CRUDDUR_CONSOLE_HOME"

log "ddb local install without --accept-license: license shown, nothing installed, exit 1"
set +e; "$launcher" ddb local install --download >"$work/refused.out" 2>"$work/refused.err" </dev/null; code=$?; set -e
tail -1 "$work/refused.err"
[ "$code" = 1 ] || fail "install without consent exited $code, expected 1"
grep -q "Amazon DynamoDB Local License Agreement" "$work/refused.out" || fail "the license was not shown"
[ ! -e "$CRUDDUR_CONSOLE_HOME/data/dynamodb-local" ] || fail "something was installed without consent"

log "ddb local install --accept-license (--download: from Maven Central even if ~/.m2 has a copy)"
start=$(date +%s)
"$launcher" ddb local install --accept-license --download </dev/null
echo "install took $(( $(date +%s) - start )) s"
"$launcher" ddb local status

log "schema-load, seed, get-conversation on the embedded profile (bundled runtime runs DynamoDB Local)"
"$launcher" ddb schema-load
"$launcher" ddb seed --conversations 2 --messages 20
"$launcher" ddb list-conversations @mara --json >"$work/inbox.json"
group=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[0]['message_group_uuid'])" "$work/inbox.json")
"$launcher" ddb get-conversation "$group" --json >"$work/conversation.json"
python3 - "$work/conversation.json" "$group" <<'EOF'
import json, sys
messages = json.load(open(sys.argv[1]))
keys = ["message_uuid", "user_uuid", "user_display_name", "user_handle", "message", "created_at"]
assert len(messages) == 10, f"expected 10 messages (20 over 2 conversations), got {len(messages)}"
assert all(list(m) == keys for m in messages), f"fields differ from the contract: {list(messages[0])}"
times = [m["created_at"] for m in messages]
assert times == sorted(times, reverse=True), "not newest first"
assert {m["user_handle"] for m in messages} <= {"mara", "tobi", "lenam", "ravi", "ines"}, "unknown senders"
print(f"get-conversation {sys.argv[2]}: {len(messages)} messages, newest {times[0]}: OK")
EOF

log "the GUI under Xvfb"
display=99
while [ -e "/tmp/.X$display-lock" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
started+=($!)
export DISPLAY=":$display"
for _ in $(seq 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
"$launcher" >"$work/gui.log" 2>&1 &
gui=$!
started+=("$gui")
# the title is "Cruddur Messages Console" until the table is open, then "Cruddur Messages Console — <profile> · <table>":
# the console now connects so soon after its window shows that a poll can see only the second
for _ in $(seq 60); do
  xwininfo -root -tree 2>/dev/null | grep -q '"Cruddur Messages Console' && break
  kill -0 "$gui" 2>/dev/null || { cat "$work/gui.log"; fail "the GUI exited"; }
  sleep 0.5
done
xwininfo -root -tree | grep -q '"Cruddur Messages Console' || { cat "$work/gui.log"; fail "no 'Cruddur Messages Console' window within 30 s"; }
sleep 2 # let the first frame paint
mkdir -p target/screenshots
/usr/bin/import -window root target/screenshots/app-image.png
echo "screenshot: target/screenshots/app-image.png ($(stat -c %s target/screenshots/app-image.png) bytes)"

log "the GUI's DynamoDB Local listens on loopback only, and a CLI command borrows it"
record=$CRUDDUR_CONSOLE_HOME/data/dynamodb-local-server.json
for _ in $(seq 60); do [ -s "$record" ] && break; sleep 0.5; done
[ -s "$record" ] || fail "the GUI noted no DynamoDB Local in $record"
cat "$record"; echo
port=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['port'])" "$record")
server=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['pid'])" "$record")
python3 installer/listening-addresses.py "$port"
start=$(date +%s%N)
"$launcher" ddb list-tables
echo "ddb list-tables beside the running console took $(( ($(date +%s%N) - start) / 1000000 )) ms"
servers=$(pgrep -fc -- "-dbPath $CRUDDUR_CONSOLE_HOME/data/dynamodb-local-data" || true)
[ "$servers" = 1 ] || fail "$servers DynamoDB Local processes on one data folder, expected 1"

log "the console's ahead-of-time cache (issue 12): it maps after the app-image moved, and a broken one never stops a start"
cache=$app_image/lib/app/cruddur-console.aot
if [ ! -s "$cache" ]; then
  echo "this app-image has no cache (the build skipped it; its 'aot-cache: skipped: ...' line says why)"
else
  grep -q '^JAVA_VERSION="25' "$app_image/lib/runtime/release" || fail "a cache beside a runtime that is not JDK 25"
  # a copy elsewhere stands for the installed app (/opt/cruddur-console): AOTMode=on refuses to start without the cache
  mkdir -p "$work/moved"
  cp -a "$app_image" "$work/moved/"
  moved=$work/moved/cruddur-console
  out=$(JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$moved/bin/cruddur-console" --version 2>"$work/aot-on.err") \
    || { cat "$work/aot-on.err"; fail "the cache does not map once the app-image moved"; }
  echo "the moved app-image maps its cache: $out"
  for broken in empty random truncated; do
    case $broken in
      empty) : >"$moved/lib/app/cruddur-console.aot" ;;
      random) head -c 300000 /dev/urandom >"$moved/lib/app/cruddur-console.aot" ;;
      truncated) head -c 2000000 "$cache" >"$moved/lib/app/cruddur-console.aot" ;;
    esac
    out=$("$moved/bin/cruddur-console" --version 2>"$work/aot-$broken.err") || { cat "$work/aot-$broken.err"; fail "a $broken cache stopped the CLI"; }
    [ "$out" = "Cruddur Messages Console $version" ] || fail "with a $broken cache --version printed '$out' (the JVM's messages belong on stderr)"
    echo "$broken cache: the CLI starts, its output clean"
  done
  # and the desktop console, with the truncated cache (it borrows the running console's DynamoDB Local)
  JAVA_TOOL_OPTIONS=-Dorg.slf4j.simpleLogger.log.org.cruddur.console.ui.startup.StartupTimes=info \
    "$moved/bin/cruddur-console" >"$work/gui-broken-cache.log" 2>&1 &
  broken_gui=$!
  started+=("$broken_gui")
  for _ in $(seq 120); do
    grep -q "startup: window visible" "$work/gui-broken-cache.log" && break
    kill -0 "$broken_gui" 2>/dev/null || break
    sleep 0.5
  done
  grep -q "startup: window visible" "$work/gui-broken-cache.log" || { cat "$work/gui-broken-cache.log"; fail "with a truncated cache the console showed no window"; }
  grep -o "startup: window visible [0-9]* ms" "$work/gui-broken-cache.log"
  kill -TERM "$broken_gui"
  wait "$broken_gui" 2>/dev/null || true
  echo "truncated cache: the console opened its window"
fi

log "the display goes away (as at logout): the console and its DynamoDB Local must not outlive it"
kill "${started[0]}" # Xvfb
for _ in $(seq 40); do kill -0 "$gui" 2>/dev/null || break; sleep 0.25; done
if kill -0 "$gui" 2>/dev/null; then
  echo "the console outlived its display by 10 s; killing it with SIGKILL"
  kill -9 "$gui"
fi
exited() { local state; state=$(ps -o stat= -p "$1" 2>/dev/null || true); [ -z "$state" ] || [ "${state:0:1}" = Z ]; }
for _ in $(seq 20); do exited "$server" && break; sleep 0.1; done
exited "$server" || fail "DynamoDB Local (pid $server) outlived the console by 2 s"
echo "DynamoDB Local (pid $server) exited with the console"
# this run's only: every DynamoDB Local it started runs from, and on, its temporary folder
left=$( (pgrep -f -- "DynamoDbLocalLauncher.*$work" || true) | while read -r p; do exited "$p" || echo "$p"; done)
[ -z "$left" ] || fail "DynamoDB Local processes left behind: $left"

log "OK"
