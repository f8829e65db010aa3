"""The comparison stage: two `Document`s in, one `redline.changes.Comparison` out.

`flatten` lists every unit with its place; `candidates` and `tokens` make pairing
near-linear; `align` pairs units by content; `moves` finds paired units that changed
parent or order; `worddiff` diffs the words of each pair; `tree` names every change with
the closed vocabulary of `redline.changes`; `engine.compare` runs them in that order.
Guarantees to the renderers: every unit of both versions appears exactly once in the
tree, and accepting every word operation gives the new text, rejecting them the old.

The package is named for its product, not its verb, so that the public function
`redline.compare` and this package never share a name.
"""
