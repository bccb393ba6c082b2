# Sourced by test.sh: makes sure the servers and browser the tests need are present, installing
# them from Debian's packages when we may (root with apt-get). PostgreSQL is required in CI.
pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1
}

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[system] installing $* from Debian's packages"
    if [ -z "${DELIVERY_APT_UPDATED:-}" ]; then
      apt-get update -qq && DELIVERY_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "[system] $* missing and cannot be installed here (needs root and apt-get)" >&2
    return 1
  fi
}

ensure_postgres() {
  [ -n "$(pg_bin_dir)" ] || apt_install postgresql || return 1
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] || apt_install chromium || return 1
}
