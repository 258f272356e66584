# Sourced by ./mvnw, ./ztrade and .ci/run: point JAVA_HOME at a JDK 21 or newer.
#
# Order: $JAVA_HOME if it is 21+, the `java` on PATH if it is 21+, then the newest JDK 21+ found in
# the usual install folders (/usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks, macOS JavaVirtualMachines).
# Fails with a plain message when there is none. POSIX sh: the Maven wrapper is a /bin/sh script.

ztrade_jdk_major() {
  # prints the feature version of the JDK at $1 (a JAVA_HOME), or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
  fi
}

ztrade_find_jdk() {
  ztrade_min=21
  if [ -n "${JAVA_HOME-}" ]; then
    v=$(ztrade_jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$ztrade_min" ]; then return 0; fi
  fi
  if command -v javac >/dev/null 2>&1; then
    h=$(dirname "$(dirname "$(readlink -f "$(command -v javac)" 2>/dev/null || command -v javac)")")
    v=$(ztrade_jdk_major "$h")
    if [ -n "$v" ] && [ "$v" -ge "$ztrade_min" ]; then JAVA_HOME=$h; export JAVA_HOME; return 0; fi
  fi
  best=""; best_v=0
  case $- in *f*) ztrade_noglob=1; set +f ;; *) ztrade_noglob=0 ;; esac  # mvnw runs with set -f
  for h in /usr/lib/jvm/* /opt/java/* /opt/jdk* "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$h" ] || continue
    v=$(ztrade_jdk_major "$h")
    if [ -n "$v" ] && [ "$v" -ge "$ztrade_min" ] && [ "$v" -gt "$best_v" ]; then best=$h; best_v=$v; fi
  done
  [ "$ztrade_noglob" = 1 ] && set -f
  if [ -n "$best" ]; then JAVA_HOME=$best; export JAVA_HOME; return 0; fi
  echo "Ztrade needs a JDK $ztrade_min or newer and found none." >&2
  echo "Checked JAVA_HOME (${JAVA_HOME:-unset}), the javac on PATH and /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
  return 1
}
