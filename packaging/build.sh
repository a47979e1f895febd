#!/usr/bin/env bash
# Builds Rungs' installers with the JDK's jpackage, from the runnable jar that
# `mvn -Ppackage package` has just made (target/rungs-VERSION-all.jar). Maven runs this script;
# see packaging/README.md. On Linux: an app image and a .deb; on Windows (Git Bash, WiX 3 on
# the PATH): an app image and an .msi; on macOS: an app image and a .dmg. jpackage makes each
# installer only on its own system.
#
# Usage: packaging/build.sh VERSION
set -euo pipefail
version="${1:?usage: packaging/build.sh VERSION}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/target"
out="$target/package"
jar="rungs-$version-all.jar"
# jpackage wants a plain numeric version (1.2.3): 0.1.0-SNAPSHOT installs as 0.1.0.
app_version="${version%%-*}"

case "$(uname -s)" in
  # The command-line launcher is "rungs-cli" where file names ignore case, beside "Rungs".
  Linux*) os=linux; installer=deb; icon="$root/assets/icon/rungs-256.png"; cli=rungs ;;
  Darwin*) os=mac; installer=dmg; icon="$root/assets/icon/rungs.icns"; cli=rungs-cli ;;
  MINGW* | MSYS* | CYGWIN*) os=windows; installer=msi; icon="$root/assets/icon/rungs.ico"; cli=rungs-cli ;;
  *) echo "packaging: unknown system $(uname -s)" >&2; exit 1 ;;
esac

for tool in jpackage jlink jdeps; do
  command -v "$tool" >/dev/null || { echo "packaging: $tool is missing: it comes with a JDK 17 or later" >&2; exit 1; }
done
# jpackage makes a .deb with fakeroot and dpkg-deb.
source "$root/packaging/need.sh"
[[ "$os" != linux ]] || need fakeroot fakeroot dpkg-deb dpkg
[[ -f "$target/$jar" ]] || { echo "packaging: $target/$jar is missing: run mvn -Ppackage package" >&2; exit 1; }

# Only this script's own output folder is replaced.
rm -rf "$out"
mkdir -p "$out/input"
cp "$target/$jar" "$out/input/"
cp -r "$root/sample-projects" "$out/input/sample-projects"

echo "packaging: a trimmed Java runtime (jlink)" >&2
modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$out/input/$jar")"
# Not found by jdeps through reflection and service loading: TLS curves, time zone names, the
# JFR events some libraries use, and zip file systems for reading datasets.
modules="$modules,jdk.crypto.ec,jdk.localedata,jdk.zipfs,jdk.unsupported"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$out/runtime"

common=(--name Rungs --app-version "$app_version" --vendor "Rungs" --description "A workbench for hyperparameter tuning"
  --copyright "Rungs contributors, GPL-3.0-or-later" --icon "$icon")

echo "packaging: the app image (jpackage)" >&2
jpackage --type app-image "${common[@]}" --dest "$out" --input "$out/input" --main-jar "$jar" \
  --main-class dev.rungs.Main --runtime-image "$out/runtime" \
  --add-launcher "$cli=$root/packaging/$os/rungs-cli.properties"

echo "packaging: the $installer installer (jpackage)" >&2
case "$os" in
  linux)
    jpackage --type deb "${common[@]}" --dest "$out" --app-image "$out/Rungs" \
      --linux-package-name rungs --linux-shortcut --linux-menu-group "Development;Science;" \
      --linux-app-category science --license-file "$root/LICENSE" \
      --resource-dir "$root/packaging/linux" ;;
  mac)
    jpackage --type dmg "${common[@]}" --dest "$out" --app-image "$out/Rungs.app" --license-file "$root/LICENSE" ;;
  windows)
    jpackage --type msi "${common[@]}" --dest "$out" --app-image "$out/Rungs" --license-file "$root/LICENSE" \
      --win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid 3f0e3c0a-6a51-4f57-9d3c-5e2b1c7d9a41 ;;
esac
ls -l "$out" >&2
