#!/bin/sh
# Put Kumppani in this user's applications menu (no administrator rights needed).
# Run it from the unpacked Kumppani folder, after moving the folder where it is to stay:
#   ./install-menu-entry.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps"
cp "$here/kumppani.png" "$data/icons/hicolor/256x256/apps/kumppani.png"
sed "s|^Exec=.*|Exec=\"$here/kumppani-gui\"|" "$here/kumppani.desktop" \
    > "$data/applications/kumppani.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Kumppani is now in the applications menu (Office). To remove it, delete"
echo "  $data/applications/kumppani.desktop"
