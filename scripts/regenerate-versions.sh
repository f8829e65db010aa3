#!/usr/bin/env bash
# Rebuild the Akoma Ntoso files in versions/ from their source texts, then validate them.
# Run after changing the importer or the writer; commit the results after reading the diff.
set -euo pipefail
cd "$(dirname "$0")/.."

redline=.venv/bin/redline
# Both versions are expressions of one work, so they share its work URI.
work=/akn/un/bill/2014/solidarity-declaration

# The 2014 preliminary text prints no date of its own: the day is nominal (see versions/README.md).
"$redline" import versions/solidarity-2014.txt \
  -o versions/solidarity-2014.akn.xml \
  --date 2014-04-01 \
  --version-label "preliminary text" \
  --work-uri "$work"

# Revision A is an illustrative revision written as test data, not an official UN text.
"$redline" import versions/solidarity-revision-A.txt \
  -o versions/solidarity-revision-A.akn.xml \
  --date 2016-06-01 \
  --version-label "revision A (illustrative)" \
  --work-uri "$work"

"$redline" validate versions/solidarity-2014.akn.xml versions/solidarity-revision-A.akn.xml
