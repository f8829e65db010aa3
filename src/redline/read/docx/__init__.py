"""The Word (.docx) reader: numbering, footnotes and tracked changes, then the text importer."""
