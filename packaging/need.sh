# Sourced by the packaging and icon scripts: `need COMMAND PACKAGE ...` installs, with apt-get,
# the Debian packages of the commands that are missing, so a fresh machine needs nothing by hand.
need() {
  local missing=()
  while (($# >= 2)); do
    command -v "$1" >/dev/null || missing+=("$2")
    shift 2
  done
  ((${#missing[@]} == 0)) && return 0
  command -v apt-get >/dev/null || { echo "packaging: please install ${missing[*]} (no apt-get here)" >&2; return 1; }
  echo "packaging: installing ${missing[*]}" >&2
  if [[ "$(id -u)" == 0 ]]; then apt-get install -y "${missing[@]}" >&2; else sudo apt-get install -y "${missing[@]}" >&2; fi
}
