# Shared by the test scripts (sourced, not run): installing what a check needs on a fresh Debian 12
# machine, as root or with sudo. Each caller defines say() for its messages.

# install_commands COMMAND=PACKAGE...: installs the package of every command that is missing, and
# ca-certificates, which npm needs for HTTPS. By missing command, not by package status: a Node.js
# from NodeSource ships npm inside its nodejs package and conflicts with Debian's npm package.
install_commands() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%=*}" >/dev/null || missing+=("${pair#*=}")
  done
  dpkg-query -W -f='${Status}' ca-certificates 2>/dev/null | grep -q "install ok installed" || missing+=(ca-certificates)
  apt_install "${missing[@]}"
}

# install_packages PACKAGE...: installs every package that is not installed, for what has no command
# to look for (a library).
install_packages() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  apt_install "${missing[@]}"
}

# apt_install PACKAGE...: installs the packages (none: nothing to do), as root or with sudo.
apt_install() {
  [ "$#" -gt 0 ] || return 0
  say "installing $*"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# require_node MAJOR WHO: fails unless Node.js is at least MAJOR.
require_node() {
  node -e "process.exit(Number(process.versions.node.split('.')[0]) >= $1 ? 0 : 1)" \
    || die "Node.js $(node --version) is too old; $2 needs $1 or later"
}

# npm_ci_when_changed DIR: npm ci in DIR when node_modules is missing or the lock file changed.
npm_ci_when_changed() {
  local dir=$1 lock_sum stamp
  lock_sum=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  stamp=$dir/node_modules/.package-lock.sha256
  if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_sum" >"$stamp"
  fi
}
