"""The plain-text importer: a draft as extracted from PDF or pasted, to a `Document`.

Stages in order: `layout` (undo the page layout), `blocks` (lines to blocks),
`structure` (blocks to preamble and body units), `footnotes` (markers to notes);
`importer.import_text` runs them.
"""
