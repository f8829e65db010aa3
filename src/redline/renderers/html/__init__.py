"""The HTML redline: one self-contained page, inline or side by side.

`page` builds the page (head, summary, correspondence table, body) and calls `inline` or
`side` for the body; `facts` decides what each tree node shows; `notes` places note
markers in the words; `words` turns word operations into ``<del>``/``<ins>`` runs, with
all text escaped. ``assets/`` holds the CSS and the optional navigation script.
"""
