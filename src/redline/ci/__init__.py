"""The CI gate over a repository of texts: ``redline check``.

`check` validates the files, compares them with a base revision and judges the changes
by the rules of `policy`; `report` holds what it found; `summary` writes the Markdown a
reviewer reads. Sits on top of the comparison and the renderers; nothing below imports it.
"""
