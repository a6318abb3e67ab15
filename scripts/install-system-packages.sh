#!/usr/bin/env bash
# System packages pip cannot install. `run`: the X11 libraries Qt's xcb plugin needs, and
# fonts-noto-cjk when the window will be Korean (View > Language, else LANGUAGE/LC_ALL/
# LC_MESSAGES/LANG as gettext reads them) and no installed font covers Hangul.
# `test`: desktop-file-validate, and a Hangul font for the Korean window's layout tests. Installs them with apt-get when allowed (root, or sudo without
# a password prompt); otherwise names them in one line and carries on: the app itself then
# says what is missing instead of aborting.
set -uo pipefail
MODE=${1:-run}

missing=()

# Whether the window will speak Korean: the choice saved by View > Language (QSettings' file),
# else the desktop locale, read in gettext's order (the first set of the four variables).
korean_window() {
    local conf="${XDG_CONFIG_HOME:-$HOME/.config}/cifar-gui/cifar-gui.conf" choice=""
    [ -f "$conf" ] && choice=$(sed -n 's/^language=//p' "$conf" | head -n 1)
    case "$choice" in ko) return 0 ;; en) return 1 ;; esac
    local lang="${LANGUAGE:-${LC_ALL:-${LC_MESSAGES:-${LANG:-}}}}"
    [[ "${lang%%:*}" == ko* ]]
}
if [ "$MODE" = run ]; then
    [ "$(uname -s)" = Linux ] || exit 0
    declare -A PACKAGE=(
        [libxcb.so.1]=libxcb1 [libX11-xcb.so.1]=libx11-xcb1 [libxcb-cursor.so.0]=libxcb-cursor0
        [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-image.so.0]=libxcb-image0
        [libxcb-keysyms.so.1]=libxcb-keysyms1 [libxcb-randr.so.0]=libxcb-randr0
        [libxcb-render-util.so.0]=libxcb-render-util0 [libxcb-shape.so.0]=libxcb-shape0
        [libxcb-xfixes.so.0]=libxcb-xfixes0 [libxcb-xkb.so.1]=libxcb-xkb1
        [libxkbcommon-x11.so.0]=libxkbcommon-x11-0 [libEGL.so.1]=libegl1
        [libfontconfig.so.1]=libfontconfig1 [libdbus-1.so.3]=libdbus-1-3
    )
    libraries=$(ldconfig -p 2>/dev/null)
    for lib in "${!PACKAGE[@]}"; do
        grep -q "^[[:space:]]*$lib " <<<"$libraries" || missing+=("${PACKAGE[$lib]}")
    done
    if korean_window && ! fc-list :lang=ko 2>/dev/null | grep -q .; then
        missing+=(fonts-noto-cjk)  # without it Qt draws Hangul as empty boxes
    fi
elif [ "$MODE" = test ]; then
    command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
    # The Korean window's tests measure Korean labels: with real Hangul glyphs, not boxes.
    fc-list :lang=ko 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        if sudo -n true 2>/dev/null; then SUDO=sudo; else SUDO=none; fi
    fi
    if [ "$SUDO" != none ]; then
        echo "Installing system packages: ${missing[*]}" >&2
        $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
            || { $SUDO apt-get update -qq >/dev/null 2>&1 \
                 && $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; } \
            && exit 0
    fi
fi
echo "cifar-gui: missing system packages: ${missing[*]} (Debian/Ubuntu names; install them with: sudo apt-get install ${missing[*]})" >&2
exit 0
