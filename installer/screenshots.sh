#!/usr/bin/env bash
# Starts the real console under Xvfb on freshly seeded data (embedded profile, in a throw-away CRUDDUR_CONSOLE_HOME)
# and writes screenshots of the main screens to target/screenshots/, plus the startup times the console logged.
#
#   installer/screenshots.sh            # builds first
#   installer/screenshots.sh --no-build
#
# Needs (Debian/Ubuntu, as root): apt-get install -y xvfb libgtk-3-0 imagemagick xdotool
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in Xvfb import convert xdotool; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y xvfb libgtk-3-0 imagemagick xdotool" >&2; exit 1; }
done
[ "${1:-}" = "--no-build" ] || mvn -B -q package -DskipTests

OUT=target/screenshots
HOME_DIR="$PWD/target/screenshots-home"
rm -rf "$HOME_DIR" "$OUT"
mkdir -p "$OUT" "$HOME_DIR/config"
export CRUDDUR_CONSOLE_HOME="$HOME_DIR"
JAR=target/cruddur-console.jar

# one profile of the user's own and one broken entry, so the profile editor shows how problems look
cat > "$HOME_DIR/config/profiles.json" <<'JSON'
{"profiles": [
  {"name": "staging", "kind": "aws", "region": "eu-west-1", "aws_profile": "staging-sso", "table": "cruddur-messages", "read_only": true},
  {"name": "dynalite", "kind": "endpoint", "endpoint": "localhost:4567"}
]}
JSON

echo "seeding the embedded database…"
java -jar "$JAR" ddb schema-load
java -jar "$JAR" ddb seed --conversations 8 --messages 1200 2>/dev/null
# the damage the Cruddur backend leaves (duplicate, stale, missing and orphan group rows, odd times, a bad key...),
# written by the tests' fixture, for the Health pane
java -Dcruddur.dynamodbLocal.dir="$PWD/target/dynamodb-local" -cp "target/test-classes:target/classes:target/lib/*" \
    org.cruddur.console.service.health.DamageForScreenshots

# a display number nobody else on this machine uses
if [ -n "${SCREENSHOT_DISPLAY:-}" ]; then
    DISPLAY_NUMBER=":$SCREENSHOT_DISPLAY"
else
    for n in $(seq 90 140); do
        [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { DISPLAY_NUMBER=":$n"; break; }
    done
fi
Xvfb "$DISPLAY_NUMBER" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
APP_PID=
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY="$DISPLAY_NUMBER"
sleep 1

# the console logs warnings only by default; its startup times are INFO
java -Dprism.order=sw -Dorg.slf4j.simpleLogger.log.org.cruddur.console.ui.startup.StartupTimes=info -jar "$JAR" > "$OUT/console.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
    grep -q "first conversation rendered" "$OUT/console.log" && break
    kill -0 "$APP_PID" 2>/dev/null || { cat "$OUT/console.log"; exit 1; }
    sleep 0.5
done
sleep 2

WINDOW=$(xdotool search --name "Cruddur Messages Console" | head -1)
shot() { import -window root "$OUT/$1.png"; echo "wrote $OUT/$1.png"; }
key() { xdotool key --window "$WINDOW" "$@"; sleep "${PAUSE:-2}"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep "${PAUSE:-2}"; }

# select a message so its raw row and JSON show too (the newest bubble sits just above the composer)
click 700 690
shot 01-messages
key ctrl+shift+d
shot 02-messages-dark
key ctrl+shift+d
key ctrl+2
PAUSE=4 shot 03-admin
key ctrl+3
click 400 150
shot 04-operation-log
# Admin › Health on the damaged data: run the check, pick the duplicate rows, select the finding (its raw items show)
key ctrl+4
click 166 134   # Run check
sleep 4
click 600 234   # the first finding of the first kind
PAUSE=3 shot 08-health
convert "$OUT/08-health.png" -resize 1100x -colors 256 "PNG8:$OUT/health-readme.png"
key ctrl+1
key ctrl+p
shot 05-profiles
click 1061 584   # the dialog's Close button
# find a person and show their merged directory record (the Person tab beside the raw items)
key ctrl+f
xdotool type --delay 50 ines; sleep 1
key Return
key ctrl+i
shot 07-person
key ctrl+f
key BackSpace
# switch to the "staging" AWS profile (4th in the selector): the bar turns red; without AWS credentials here it
# also shows how a connection error looks
click 240 62
key Down Down Down Return
PAUSE=6 shot 06-aws-profile-error

# small enough for the README (docs/screenshot.png is a copy of it)
convert "$OUT/01-messages.png" -resize 1100x -colors 256 "PNG8:$OUT/readme.png"
grep "startup:" "$OUT/console.log" | sed 's/.*startup: /startup: /' | tee "$OUT/startup-times.txt"
