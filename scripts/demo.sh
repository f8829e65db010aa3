#!/usr/bin/env bash
# Set everything up, then do the main job on the bundled drafts: validate both
# versions of the declaration and write the HTML, PDF and Word redlines of the 2014
# preliminary text against revision A into out/, printing their paths.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
redline=.venv/bin/redline
old=versions/solidarity-2014.akn.xml
new=versions/solidarity-revision-A.akn.xml
mkdir -p out
$redline validate "$old" "$new"
for format in html pdf docx; do
  target="out/solidarity-2014--revision-A.$format"
  # diff(1) convention: exit 1 means "the versions differ", which is the point here
  $redline diff "$old" "$new" --format "$format" -o "$target" --quiet || [ $? -eq 1 ]
  echo "$(pwd)/$target"
done
