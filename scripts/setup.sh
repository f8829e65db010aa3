#!/usr/bin/env bash
# Set up redline on Debian/Ubuntu: the system libraries WeasyPrint needs (Pango, fonts),
# poppler-utils for reading PDFs back in tests, LibreOffice and python3-uno for opening
# the .docx redlines in tests, then a virtual environment in .venv with redline and its
# development tools. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libpango-1.0.so || need_apt+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so || need_apt+=(libpangoft2-1.0-0)
have_lib libharfbuzz-subset.so || need_apt+=(libharfbuzz-subset0)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || need_apt+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf ] || need_apt+=(fonts-dejavu-extra)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
command -v git >/dev/null || need_apt+=(git)
# LibreOffice opens the .docx redlines in the tests (accept/reject all, PDF of a page);
# Debian's python3-uno drives it from /usr/bin/python3.
command -v soffice >/dev/null || need_apt+=(libreoffice-writer-nogui)
/usr/bin/python3 -c "import uno" 2>/dev/null || need_apt+=(python3-uno)
if [ ${#need_apt[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing system packages: ${need_apt[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install: ${need_apt[*]} (no apt-get here)" >&2
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"
