# Sourced by the project's scripts: finds a JDK 25 and exports JAVA_HOME and PATH.
# Order: $JAVA_HOME if it is 25, then /usr/lib/jvm/*25*, then `java` on the PATH.
# Fails with a clear message (exit 1) when none is found.
legate_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
legate_find_jdk25() {
  local cand
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25* /usr/lib/jvm/jdk-25* \
              "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$cand" ] && [ -x "$cand/bin/javac" ] || continue
    if [ "$(legate_java_major "$cand")" = "25" ]; then
      echo "$cand"; return 0
    fi
  done
  return 1
}
if ! LEGATE_JDK="$(legate_find_jdk25)"; then
  echo "error: JDK 25 not found. Looked at \$JAVA_HOME (${JAVA_HOME:-unset}), /usr/lib/jvm/*25* and the java on the PATH." >&2
  echo "       Install a JDK 25 (e.g. Temurin 25) or set JAVA_HOME to one." >&2
  exit 1
fi
export JAVA_HOME="$LEGATE_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "error: Maven (mvn) not found on the PATH; install Apache Maven 3.8 or newer." >&2
  exit 1
fi
