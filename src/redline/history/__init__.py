"""History: the life of a text across all its drafts.

Chains the pairwise comparisons of consecutive versions (each pair compared once) into
lineages of provisions (`redline.history.lineage`), dates each word of the last
version to the draft it first appeared in (`redline.history.provenance`), and renders
the result as JSON (``redline-history/1``), a synoptic table (HTML, PDF) or the
lineage of one provision (text, Markdown). Sits above the renderers, below the CLI.
"""
