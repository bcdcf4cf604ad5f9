#!/usr/bin/env bash
# Makes the packaged console start faster (issue 12): swaps the app-image's runtime for one linked from a JDK 25+
# and records an ahead-of-time cache (JEPs 483, 514, 515) from one training launch of the app-image itself, under
# Xvfb, on demo data, up to its first conversation. The cache sits in the app-image beside the jar
# (lib/app/cruddur-console.aot) and the launcher's cfg names it with $APPDIR, so it travels with the installed app:
# JDK 25 accepts a cache whose class path moved as a whole (JDK 17's CDS archives hold absolute paths, which is why
# the console's own JVM stays on JDK 17 without a cache when no JDK 25 is found).
#
# Whatever goes wrong here leaves a working app-image: without a JDK 25, Xvfb, or a successful training run the
# script says "skipped: <why>" and keeps the JDK 17 runtime jpackage made. The JVM ignores a cache it cannot map
# (checked: truncated, random bytes, a cache of another build), and the cfg sends the JVM's own messages about it
# to stderr, so the CLI's standard output stays clean.
#
# Usage: installer/aot-cache.sh APP_IMAGE_DIR MODULES DYNAMODB_LOCAL_DIR
#   CRUDDUR_AOT_JDK=DIR picks the JDK (default /usr/lib/jvm/temurin-25-jdk-amd64); CRUDDUR_AOT_CACHE=false skips.
set -euo pipefail

app_image=$1
modules=$2
dynamodb_local=$3
aot_jdk=${CRUDDUR_AOT_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
name=$(basename "$app_image")
app_dir=$app_image/lib/app
cfg=$app_dir/$name.cfg
cache=$app_dir/$name.aot

say() { echo "aot-cache: $*"; }
skip() { say "skipped: $*; the app-image keeps jpackage's JDK 17 runtime, without a cache"; exit 0; }

[[ ${CRUDDUR_AOT_CACHE:-true} == false ]] && skip "CRUDDUR_AOT_CACHE=false"
[[ $(uname -s) == Linux ]] || skip "the training launch runs under Xvfb, on Linux only"
[[ -x $aot_jdk/bin/jlink ]] || skip "no JDK at $aot_jdk (CRUDDUR_AOT_JDK names another)"
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$aot_jdk/release")
(( major >= 25 )) || skip "$aot_jdk is JDK $major; the ahead-of-time cache needs 25 or newer"
xvfb=$(command -v Xvfb || true)
[[ -n $xvfb ]] || skip "no Xvfb for the training launch"
[[ -f $cfg ]] || skip "no launcher configuration at $cfg"
[[ -d $dynamodb_local ]] || skip "no DynamoDB Local at $dynamodb_local"

work=$(mktemp -d)
app_pid=
xvfb_pid=
cleanup() {
  [[ -n $app_pid ]] && kill -KILL "$app_pid" 2>/dev/null || true
  [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start=$(date +%s)
say "link the runtime from $aot_jdk (JDK $major)"
# the same modules and options as jpackage's own link (pom.xml, app-image execution); zip-6 is --compress=2 renamed
"$aot_jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --generate-cds-archive --output "$work/runtime" >"$work/jlink.log" 2>&1 \
  || { cat "$work/jlink.log"; skip "jlink failed"; }
cp "$cfg" "$work/cfg.jdk17"
rm -rf "$work/runtime.jdk17"
mv "$app_image/lib/runtime" "$work/runtime.jdk17"
mv "$work/runtime" "$app_image/lib/runtime"
restore() {
  rm -rf "$app_image/lib/runtime" "$cache"
  mv "$work/runtime.jdk17" "$app_image/lib/runtime"
  cp "$work/cfg.jdk17" "$cfg"
  skip "$1"
}
# JavaFX loads its natives from the class path (JDK 24+ warns about that on every start otherwise); the JVM's own
# log lines go to stderr, never into the CLI's output
cat >>"$cfg" <<'EOF'
java-options=--enable-native-access=ALL-UNNAMED
java-options=-Xlog:disable
java-options=-Xlog:all=warning:stderr
EOF

say "training launch: demo data, then the console up to its first conversation"
export CRUDDUR_CONSOLE_HOME=$work/home CRUDDUR_DYNAMODB_LOCAL=$dynamodb_local
launcher=$app_image/bin/$name
"$launcher" ddb schema-load >"$work/cli.log" 2>&1 && "$launcher" ddb seed --conversations 6 --messages 600 >>"$work/cli.log" 2>&1 \
  || { cat "$work/cli.log"; restore "the demo data could not be loaded"; }
display=$(( 200 + RANDOM % 300 ))
"$xvfb" ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
# the recording option goes into the cfg, not JAVA_TOOL_OPTIONS: DynamoDB Local's child would inherit that one and
# record into the same file
cp "$cfg" "$work/cfg.run"
echo "java-options=-XX:AOTCacheOutput=\$APPDIR/$name.aot" >>"$cfg"
DISPLAY=:$display JAVA_TOOL_OPTIONS=-Dorg.slf4j.simpleLogger.log.org.cruddur.console.ui.startup.StartupTimes=info \
  "$launcher" >"$work/training.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 900); do
  grep -q "first conversation rendered" "$work/training.log" && break
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
grep -q "first conversation rendered" "$work/training.log" || { cat "$work/training.log"; restore "the training launch showed no conversation"; }
sleep 2 # let the first page's follow-up work (raw items, inbox marks) load its classes too
# SIGTERM is a normal exit for the JVM: the console stops its DynamoDB Local, then the JVM writes the cache
kill -TERM "$app_pid"
for _ in $(seq 1 1200); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
wait "$app_pid" 2>/dev/null || true
app_pid=
cp "$work/cfg.run" "$cfg"
[[ -s $cache ]] || { cat "$work/training.log"; restore "the training launch wrote no cache"; }

echo "java-options=-XX:AOTCache=\$APPDIR/$name.aot" >>"$cfg"
# the cache must map on the app-image as it is: AOTMode=on refuses to start otherwise
JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$launcher" --version >"$work/check.log" 2>&1 \
  || { cat "$work/check.log"; restore "the recorded cache does not map"; }
say "done in $(( $(date +%s) - start )) s: $(du -h "$cache" | cut -f1) cache, runtime from JDK $major"
