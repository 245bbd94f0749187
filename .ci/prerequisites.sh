# Sourced by ./easel, ./easel-test and .ci/run: makes sure a JDK 21+ and Maven are installed (and,
# for the tests, chromium and chromium-driver), installing them with apt-get on Debian/Ubuntu when
# they are missing, and sets EASEL_JAVA_HOME.
# Maven's toolchains plugin finds the JDK by itself (it scans JAVA_HOME and /usr/lib/jvm).

easel_jdk_major() { # $1: a JDK home; prints its feature version, or nothing
  local home="$1" version=""
  [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$({ "$home/bin/java" -version 2>&1 || true; } | sed -n '1s/.*version "\([^"]*\)".*/\1/p')
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

easel_find_jdk() { # prints the home of the newest JDK >= 21, or nothing
  local best="" best_major=0 home major
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /usr/local/java/*; do
    [ -n "$home" ] && [ -d "$home" ] || continue
    major=$(easel_jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$home" best_major="$major"
    fi
  done
  echo "$best"
}

easel_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "easel: '$*' needs root; run it as root or install the package yourself" >&2; return 1
  fi
}

easel_apt_candidate() { # prints the first package apt can install, from the arguments
  local pkg policy
  for pkg in "$@"; do
    policy=$(apt-cache policy "$pkg" 2>/dev/null || true)
    case "$policy" in *"Candidate: "[0-9]*) echo "$pkg"; return 0 ;; esac
  done
}

EASEL_APT_UPDATED=""
easel_apt_install() { # $@: package alternatives; installs the first one available
  command -v apt-get >/dev/null 2>&1 || return 1
  local pkg
  pkg=$(easel_apt_candidate "$@")
  if [ -z "$pkg" ] && [ -z "$EASEL_APT_UPDATED" ]; then
    easel_as_root apt-get update -qq >&2 || return 1
    EASEL_APT_UPDATED=1
    pkg=$(easel_apt_candidate "$@")
  fi
  [ -n "$pkg" ] || return 1
  echo "easel: installing $pkg" >&2
  easel_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg" >&2
}

easel_prerequisites() {
  EASEL_JAVA_HOME=$(easel_find_jdk)
  if [ -z "$EASEL_JAVA_HOME" ]; then
    easel_apt_install openjdk-21-jdk-headless openjdk-25-jdk-headless temurin-21-jdk temurin-25-jdk || true
    EASEL_JAVA_HOME=$(easel_find_jdk)
  fi
  if [ -z "$EASEL_JAVA_HOME" ]; then
    echo "easel: no JDK 21 or newer found, and apt offers none here (Debian 12 ships JDK 17)." >&2
    echo "easel: install a JDK 21+ (for example Temurin 21 from its apt repository) and set JAVA_HOME to it." >&2
    return 1
  fi
  if ! command -v mvn >/dev/null 2>&1; then
    easel_apt_install maven || { echo "easel: Maven is missing and could not be installed" >&2; return 1; }
  fi
  export EASEL_JAVA_HOME
}

easel_browser_prerequisites() { # the web page's tests drive Debian's chromium through chromedriver
  if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
    easel_apt_install chromium chromium-browser || echo "easel: chromium could not be installed; the web page's tests will fail" >&2
  fi
  if ! command -v chromedriver >/dev/null 2>&1; then
    easel_apt_install chromium-driver || echo "easel: chromium-driver could not be installed; the web page's tests will fail" >&2
  fi
}
