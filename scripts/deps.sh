#!/bin/sh
# Installs the build dependencies that are missing (Debian/Ubuntu); with
# "test", those of `make check` too.
set -e
need=""
pkg_for() {
	case $1 in
	yaml.h) echo libyaml-dev ;;
	cmocka.h) echo libcmocka-dev ;;
	utf8proc.h) echo libutf8proc-dev ;;
	esac
}
for h in yaml.h cmocka.h utf8proc.h; do
	[ -f "/usr/include/$h" ] || need="$need $(pkg_for $h)"
done
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v make >/dev/null 2>&1 || need="$need make"
if [ "${1:-}" = test ]; then
	/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 ||
	    need="$need python3-icalendar"
	command -v cmark-gfm >/dev/null 2>&1 || need="$need cmark-gfm"
	/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 ||
	    need="$need python3-jsonschema"
	/usr/bin/python3 -c 'import yaml' >/dev/null 2>&1 ||
	    need="$need python3-yaml"
	/usr/bin/python3 -c 'import lunardate' >/dev/null 2>&1 ||
	    need="$need python3-lunardate"
	/usr/bin/python3 -c 'import ephem' >/dev/null 2>&1 ||
	    need="$need python3-ephem"
	# npm installs the chinese-days data set of `make cn-check`; a Node.js
	# from elsewhere brings its own npm (Debian's npm conflicts with it).
	command -v npm >/dev/null 2>&1 || need="$need npm"
fi
[ -n "$need" ] || exit 0
echo "installing:$need"
if [ "$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq $need
