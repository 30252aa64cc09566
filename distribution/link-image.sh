#!/usr/bin/env bash
# Links jlink runtime images of the project's modules, one per spec in images/NAME.modules.
#
#   link-image.sh --module-path PATH --out DIR NAME[,NAME...]...   (NAME 'all': every spec)
#
# PATH holds the project's explicit modules (jars or exploded directories); Maven passes the
# distribution module's runtime dependencies plus the launcher (see pom.xml), the image tests
# pass the same. JDK modules come from the running JDK (Temurin 25 has no jmods/; jlink links
# from the run-time image): those jdeps finds the chosen modules need, plus the JDK modules a
# spec names (jdk.jfr). Each image gets bin/legate, an empty plugins/ folder and the JNI
# libraries its modules carry under lib/ (JCuda's), and its size is printed. An image whose spec
# names a module missing from PATH is skipped with a message; any other failure stops with a
# non-zero exit.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
specs="$here/images"
module_path=""
out=""
names=()

die() { echo "link-image: error: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --module-path) [ $# -ge 2 ] || die "--module-path needs a value"; module_path="$2"; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a value"; out="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1" ;;
    *) IFS=',' read -r -a more <<< "$1"; names+=("${more[@]}"); shift ;;
  esac
done
[ -n "$module_path" ] || die "--module-path is required"
[ -n "$out" ] || die "--out is required"
[ ${#names[@]} -gt 0 ] || die "name at least one image (specs: $(cd "$specs" && ls -- *.modules | sed 's/\.modules$//' | tr '\n' ' '))"
if [ "${names[*]}" = "all" ]; then
  names=()
  for f in "$specs"/*.modules; do names+=("$(basename "$f" .modules)"); done
fi

[ -n "${JAVA_HOME:-}" ] || die "JAVA_HOME is not set (source scripts/jdk25.sh)"
for tool in java jlink jdeps jar; do
  [ -x "$JAVA_HOME/bin/$tool" ] || die "$JAVA_HOME/bin/$tool not found: linking images needs a full JDK 25"
done

# Project modules on the module path: name -> location, and which are automatic.
declare -A location=() automatic=()
while read -r nv loc flag; do
  name="${nv%@*}"
  location[$name]="$loc"
  [ "${flag:-}" = "automatic" ] && automatic[$name]=1
done < <("$JAVA_HOME/bin/java" --module-path "$module_path" --list-modules | grep ' file:' || true)
# JDK modules of the running JDK.
declare -A jdk=()
while read -r nv _; do jdk[${nv%@*}]=1; done < <("$JAVA_HOME/bin/java" --list-modules)

mkdir -p "$out"
for name in "${names[@]}"; do
  spec="$specs/$name.modules"
  [ -f "$spec" ] || die "no image spec $spec (specs: $(cd "$specs" && ls -- *.modules | sed 's/\.modules$//' | tr '\n' ' '))"
  chosen=()       # project modules
  jdk_named=()    # JDK modules the spec names
  skipped=""      # why the image cannot be built
  absent=()       # optional modules not in this build
  while read -r entry; do
    entry="${entry%%#*}"; entry="$(echo "$entry" | tr -d '[:space:]')"
    [ -n "$entry" ] || continue
    optional=0
    case "$entry" in *\?) optional=1; entry="${entry%\?}" ;; esac
    if [[ "$entry" == *'*'* ]]; then
      for m in "${!location[@]}"; do
        # shellcheck disable=SC2053
        [[ "$m" == $entry ]] && chosen+=("$m")
      done
    elif [ -n "${location[$entry]:-}" ]; then
      chosen+=("$entry")
    elif [ -n "${jdk[$entry]:-}" ]; then
      jdk_named+=("$entry")
    elif [ $optional = 1 ]; then
      absent+=("$entry")
    else
      skipped="it needs module $entry, which is not in this build"
      break
    fi
  done < "$spec"
  if [ -n "$skipped" ]; then
    echo "image $name: skipped: $skipped (see $spec)"
    continue
  fi
  [ ${#chosen[@]} -gt 0 ] || die "image $name: $spec selects no project module"
  mapfile -t chosen < <(printf '%s\n' "${chosen[@]}" | sort -u)
  for m in "${chosen[@]}"; do
    if [ -n "${automatic[$m]:-}" ]; then
      die "image $name: module $m (${location[$m]}) is an automatic module, which jlink refuses; give it a module descriptor at build time (moditect, see DEPENDENCIES.md) or keep it out of images/$name.modules"
    fi
  done
  project_list="$(IFS=,; echo "${chosen[*]}")"

  # JDK modules: what jdeps says the chosen modules use, plus those the spec names.
  jdk_list="$("$JAVA_HOME/bin/jdeps" --module-path "$module_path" --multi-release 25 --ignore-missing-deps \
      --print-module-deps --add-modules "$project_list")" || die "image $name: jdeps failed on $project_list"
  jdk_mods=()
  IFS=',' read -r -a deps <<< "$jdk_list"
  for m in "${deps[@]}" "${jdk_named[@]}"; do
    [ -n "${jdk[$m]:-}" ] && jdk_mods+=("$m")
  done
  mapfile -t jdk_mods < <(printf '%s\n' "${jdk_mods[@]}" | sort -u)
  jdk_csv="$(IFS=,; echo "${jdk_mods[*]}")"

  target="$out/$name"
  tmp="$out/.$name.tmp"
  rm -rf "$tmp"
  # No --strip-debug: it also drops the MethodParameters attribute, and the runtime reads @Task
  # parameter names (constraints name them) from it; keeping it and line numbers costs ~2.5 MB.
  "$JAVA_HOME/bin/jlink" --module-path "$module_path" --add-modules "$project_list,$jdk_csv" \
      --compress zip-6 --no-header-files --no-man-pages \
      --release-info "add:LEGATE_IMAGE=$name" --output "$tmp" \
    || die "image $name: jlink failed (modules $project_list,$jdk_csv)"

  # jlink adds the modules the chosen ones require; none may be a project module the spec left out.
  declare -A listed=()
  for m in "${chosen[@]}"; do listed[$m]=1; done
  extra=()
  while read -r nv _; do
    m="${nv%@*}"
    [ -n "${jdk[$m]:-}" ] || [ -n "${listed[$m]:-}" ] || extra+=("$m")
  done < <("$tmp/bin/java" --list-modules)
  unset listed
  if [ ${#extra[@]} -gt 0 ]; then
    rm -rf "$tmp"
    die "image $name: modules ${extra[*]} are required by the spec's modules but not listed in $spec; list them or drop what needs them"
  fi

  # JNI libraries a module carries under lib/ (the jcuda module's) are copied to the image's lib/,
  # where System.loadLibrary finds them, so nothing is extracted to java.io.tmpdir at run time.
  for m in "${chosen[@]}"; do
    loc="${location[$m]#file://}"
    if [ -d "$loc" ]; then
      for so in "$loc"/lib/*.so; do
        if [ -f "$so" ]; then cp "$so" "$tmp/lib/"; fi
      done
    elif "$JAVA_HOME/bin/jar" tf "$loc" | grep '^lib/[^/]*\.so$' >/dev/null; then
      natives="$(mktemp -d)"
      (cd "$natives" && "$JAVA_HOME/bin/jar" xf "$loc" lib)
      cp "$natives"/lib/*.so "$tmp/lib/"
      rm -rf "$natives"
    fi
  done

  cp "$here/src/main/image/bin/legate" "$tmp/bin/legate"
  chmod 755 "$tmp/bin/legate"
  mkdir -p "$tmp/plugins"
  cp "$here/src/main/image/plugins/README.txt" "$tmp/plugins/README.txt"
  rm -rf "$target"
  mv "$tmp" "$target"

  kib="$(du -sk "$target" | cut -f1)"
  all_jdk="$("$target/bin/java" --list-modules | sed 's/@.*//' | while read -r m; do [ -n "${jdk[$m]:-}" ] && echo "$m"; done | tr '\n' ' ')"
  printf 'image %s: %s MiB (%s KiB) at %s\n' "$name" "$(awk "BEGIN { printf \"%.1f\", $kib / 1024 }")" "$kib" "$target"
  echo "  project modules: ${chosen[*]}"
  echo "  JDK modules: ${all_jdk% }"
  if [ ${#absent[@]} -gt 0 ]; then
    echo "  not in this build (optional, left out): ${absent[*]}"
  fi
done
