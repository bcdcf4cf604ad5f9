#!/usr/bin/env bash
# Replaces the Linux app-image's native launcher (bin/NAME) with a shell script that starts the same JVM the same way
# (issue 12). jpackage's native launcher asks rpm and dpkg which package owns it on every start, twice each
# (`rpm -qf`, `dpkg -S`): dpkg-query reads every package's file list, 0.25-0.5 s a call on this machine, before the
# JVM even starts. The script is written from the launcher's own configuration (lib/app/NAME.cfg: class path, main
# class, java-options with $APPDIR), after installer/aot-cache.sh, so it names the same cache with the same options
# and the cache still maps (checked below with -XX:AOTMode=on when there is one).
#
# Windows and macOS keep jpackage's launcher (no package lookup there). Whatever goes wrong here leaves the native
# launcher in place.
#
# Usage: installer/linux-launcher.sh APP_IMAGE_DIR    (CRUDDUR_LINUX_LAUNCHER=native keeps the native one)
set -euo pipefail

app_image=$1
name=$(basename "$app_image")
cfg=$app_image/lib/app/$name.cfg
launcher=$app_image/bin/$name

say() { echo "linux-launcher: $*"; }
keep() { say "kept jpackage's native launcher: $*"; exit 0; }

[[ ${CRUDDUR_LINUX_LAUNCHER:-script} == native ]] && keep "CRUDDUR_LINUX_LAUNCHER=native"
[[ $(uname -s) == Linux ]] || keep "not Linux"
[[ -f $cfg ]] || keep "no launcher configuration at $cfg"
[[ -x $launcher ]] || keep "no launcher at $launcher"
file_type=$(head -c 4 "$launcher" | od -An -c | tr -d ' ')
[[ $file_type == 177ELF ]] || keep "$launcher is not a native program (already replaced?)"

main_class=$(sed -n 's/^app\.mainclass=//p' "$cfg")
[[ -n $main_class ]] || keep "no app.mainclass in $cfg"
class_path=$(sed -n 's/^app\.classpath=//p' "$cfg" | paste -sd: -)
[[ -n $class_path ]] || keep "no app.classpath in $cfg"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
script=$work/launcher
{
  cat <<'EOF'
#!/bin/sh
# Starts the Cruddur Messages Console (desktop window without arguments, the CLI with them) on its own runtime.
# Written at build time by installer/linux-launcher.sh from lib/app/cruddur-console.cfg, instead of jpackage's native
# launcher, which asks rpm and dpkg which package owns it on every start (0.5-1 s before the JVM starts).
self=$(readlink -f "$0")
APPDIR=$(dirname "$(dirname "$self")")/lib/app
exec "$APPDIR/../runtime/bin/java" \
EOF
  # one JVM option per line, quoted; $APPDIR stays a shell variable
  sed -n 's/^java-options=//p' "$cfg" | while IFS= read -r option; do
    printf '  "%s" \\\n' "${option//\"/\\\"}"
  done
  printf '  "-Djpackage.app-path=$self" \\\n'
  printf '  -cp "%s" \\\n' "$class_path"
  printf '  %s "$@"\n' "$main_class"
} >"$script"

mv "$launcher" "$work/native"
install -m 755 "$script" "$launcher"
restore() {
  mv -f "$work/native" "$launcher"
  keep "$1"
}
out=$("$launcher" --version 2>&1) || restore "the script launcher failed: $out"
if grep -q '^java-options=-XX:AOTCache=' "$cfg"; then
  JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$launcher" --version >/dev/null 2>&1 \
    || restore "the ahead-of-time cache does not map when started from the script"
fi
say "bin/$name is a shell script now ($out)"
