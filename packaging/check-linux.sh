#!/usr/bin/env bash
# Checks what packaging/build.sh made on Linux, as a person would use it: the app image's
# command line prints the pom's version, its workbench opens a window (under Xvfb), the .deb
# lists the launcher, the desktop entry and the icon, and the CLI runs a study from the .deb
# unpacked into a fresh folder. The Windows and macOS parts of the build script are checked
# for syntax only: jpackage makes those installers only on their own systems.
#
# Usage: packaging/check-linux.sh VERSION
set -euo pipefail
version="${1:?usage: packaging/check-linux.sh VERSION}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/package"
fail() { echo "packaging check FAILED: $*" >&2; exit 1; }

bash -n "$root/packaging/build.sh" && bash -n "$root/packaging/need.sh" || fail "a packaging script has a syntax error"
bash -n "$root/assets/icon/render.sh" || fail "assets/icon/render.sh has a syntax error"
sh -n "$root/packaging/linux/postinst" && sh -n "$root/packaging/linux/prerm" || fail "a .deb script has a syntax error"

image="$out/Rungs"
[[ -x "$image/bin/Rungs" && -x "$image/bin/rungs" ]] || fail "the app image has no launchers in $image/bin"
got="$("$image/bin/rungs" --version)"
[[ "$got" == "rungs $version" ]] || fail "bin/rungs --version printed '$got', not 'rungs $version'"
echo "ok: app image bin/rungs --version: $got"

# The workbench: started under a virtual display, its main window must show within 60 s.
source "$root/packaging/need.sh"
need Xvfb xvfb xdotool xdotool || fail "Xvfb and xdotool are needed to check the workbench starts"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
home="$(mktemp -d)"
trap 'kill "$xvfb" 2>/dev/null || true; [[ -n "${app:-}" ]] && kill "$app" 2>/dev/null || true; rm -rf "$home"' EXIT
sleep 1
DISPLAY="$display" HOME="$home" "$image/bin/Rungs" --db="$home/studies.db" >"$home/app.log" 2>&1 &
app=$!
window=""
for _ in $(seq 1 60); do
  window="$(DISPLAY="$display" xdotool search --name '^Rungs$' 2>/dev/null | head -1 || true)"
  [[ -n "$window" ]] && break
  kill -0 "$app" 2>/dev/null || { cat "$home/app.log" >&2; fail "the workbench exited before showing its window"; }
  sleep 1
done
[[ -n "$window" ]] || { cat "$home/app.log" >&2; fail "no Rungs window within 60 s"; }
echo "ok: app image bin/Rungs opened its window (X id $window)"
kill "$app"; wait "$app" 2>/dev/null || true; app=""

deb="$(ls "$out"/rungs_*.deb 2>/dev/null | head -1)"
[[ -f "$deb" ]] || fail "no .deb in $out"
info="$(dpkg-deb --info "$deb")"
grep -q "Package: rungs" <<<"$info" || fail "dpkg-deb --info does not name the package rungs"
grep -q "Version: ${version%%-*}" <<<"$info" || fail "dpkg-deb --info does not give version ${version%%-*}"
contents="$(dpkg-deb --contents "$deb")"
for f in ./opt/rungs/bin/Rungs ./opt/rungs/bin/rungs ./opt/rungs/lib/rungs-Rungs.desktop ./opt/rungs/lib/Rungs.png \
    ./opt/rungs/lib/app/sample-projects/branin-tpe/spec.json; do
  grep -q " $f\$" <<<"$contents" || fail "the .deb does not contain $f"
done
# The command line's own entry stays out of the menus: it is for a terminal.
cli_entry="$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/rungs/lib/rungs-rungs.desktop 2>/dev/null || true)"
[[ -z "$cli_entry" ]] || grep -q "^NoDisplay=true" <<<"$cli_entry" || fail "the rungs command line has a menu entry"
echo "ok: $(basename "$deb") lists the launchers, the desktop entry, the icon and the samples"

unpacked="$home/unpacked"
dpkg -x "$deb" "$unpacked"
got="$("$unpacked/opt/rungs/bin/rungs" --version)"
[[ "$got" == "rungs $version" ]] || fail "the unpacked .deb's rungs --version printed '$got'"
HOME="$home" "$unpacked/opt/rungs/bin/rungs" run "$unpacked/opt/rungs/lib/app/sample-projects/branin-tpe/spec.json" \
  --db "$home/check.db" --trials 5 >"$home/run.log" 2>&1 || { cat "$home/run.log" >&2; fail "rungs run from the unpacked .deb failed"; }
HOME="$home" "$unpacked/opt/rungs/bin/rungs" list --db "$home/check.db" | grep -q "branin" \
  || fail "rungs list from the unpacked .deb does not show the study it ran"
echo "ok: rungs from the .deb unpacked in a fresh folder ran a 5-trial Branin study"

echo "sizes: app image $(du -sh "$image" | cut -f1), .deb $(du -h "$deb" | cut -f1), runnable jar $(du -h "$root/target/rungs-$version-all.jar" | cut -f1)"
