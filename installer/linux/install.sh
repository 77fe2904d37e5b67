#!/bin/sh
# Per-user install of the one-folder build on Linux: ~/.local/opt/advisor-app, a launcher in
# ~/.local/bin, the menu entry and the icon. Data stays in ~/.local/share/advisor-desk (never touched).
# Usage: installer/linux/install.sh [build/installer/dist/advisor-app]   (--uninstall to remove the program)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/advisor-app"
if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$opt" "$HOME/.local/bin/advisor-app" "$HOME/.local/bin/advisor" \
        "$prefix/applications/advisor-app.desktop" "$prefix/icons/hicolor/256x256/apps/advisor-app.png" \
        "$prefix/icons/hicolor/scalable/apps/advisor-app.svg"
    echo "已卸载程序；数据仍在 $prefix/advisor-desk"
    exit 0
fi
src="${1:-$root/build/installer/dist/advisor-app}"
[ -x "$src/advisor-app" ] || { echo "找不到构建结果 $src（先运行 python installer/build.py）" >&2; exit 1; }
rm -rf "$opt.new" && mkdir -p "$(dirname "$opt")" && cp -a "$src" "$opt.new"
rm -rf "$opt" && mv "$opt.new" "$opt"
mkdir -p "$HOME/.local/bin" "$prefix/applications" "$prefix/icons/hicolor/256x256/apps" "$prefix/icons/hicolor/scalable/apps"
ln -sf "$opt/advisor-app" "$HOME/.local/bin/advisor-app"
ln -sf "$opt/advisor" "$HOME/.local/bin/advisor"
sed "s|^Exec=advisor-app|Exec=$opt/advisor-app|; s|^TryExec=advisor-app|TryExec=$opt/advisor-app|" \
    "$here/advisor-app.desktop" > "$prefix/applications/advisor-app.desktop"
cp "$root/resources/icons/advisor-app.png" "$prefix/icons/hicolor/256x256/apps/advisor-app.png"
cp "$root/resources/icons/advisor-app.svg" "$prefix/icons/hicolor/scalable/apps/advisor-app.svg"
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/applications" || true
echo "已安装到 $opt（菜单：办公 → 乡村法律服务工作台）"
