# Sourced by the scripts beside it: installs the Debian/Ubuntu packages kioku
# needs to build and test, only those that are missing. On macOS and
# Windows the system webview ships with the OS, so nothing is installed.

# WebKitGTK for the webview; libxdo because dioxus-desktop's menu crate
# links it; OpenSSL and pkg-config for -sys crates.
KIOKU_BUILD_PACKAGES=(libwebkit2gtk-4.1-dev libxdo-dev libssl-dev pkg-config)
# The real-window smoke test: a virtual X server, keyboard input,
# screenshots, fonts for the webview to draw text with (Noto CJK for the
# Japanese window test); zenity for
# the file dialog where no XDG desktop portal runs (rfd falls back to it);
# GTK 3 for Python for the other application the drag-and-drop and paste
# test takes files from (tests/media_source.py).
KIOKU_TEST_PACKAGES=(xvfb xdotool imagemagick fonts-dejavu-core fonts-noto-cjk zenity python3 python3-venv python3-gi gir1.2-gtk-3.0)

ensure_packages() {
    [ "$(uname -s)" = Linux ] || return 0
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "kioku: not a Debian/Ubuntu system; install these (or your distribution's equivalents) yourself: $*" >&2
        return 0
    fi
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "kioku: installing system packages: ${missing[*]}" >&2
    # Once per script (.ci/run installs in two steps).
    if [ -z "${KIOKU_APT_UPDATED:-}" ]; then
        "${sudo[@]}" apt-get update -q
        KIOKU_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Anki's own backend (the `anki` package from PyPI) in a venv under
# target/, for the test that imports kioku's .apkg export with it
# (crates/core/tests/suite/apkg_export.rs). Made once and kept with target/.
# The test fails rather than skips once this has run (KIOKU_REQUIRE_ANKI).
ensure_anki_venv() {
    local venv=target/ankivenv
    if ! { [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import anki" 2>/dev/null; }; then
        mkdir -p target
        rm -rf "$venv"
        python3 -m venv "$venv" && "$venv/bin/pip" install -q anki || {
            echo "kioku: could not install Anki's backend (pip install anki) into $venv" >&2
            return 1
        }
    fi
    export KIOKU_REQUIRE_ANKI=1
}
