"""The plain-text importer: a legal text as extracted from PDF or pasted, to a `Document`.

Stages in order: `decode` (bytes to text), `layout` (undo the page layout), `endnotes`
(a list of notes at the end), `blocks` (lines to blocks, by what starts a line; heading
styles in `headings`), then one shape: `acts` (EU acts, parts found by `eu`), or `shapes`
(a draft with articles built by `structure` and `articles`, a resolution, plain text);
`nodes` freezes units and `footnotes` anchors notes; `report` counts and warns.
`importer.import_text` runs them.
"""
