"""Running comparisons as jobs: one pair from inputs to output bytes, or many on all cores.

`jobs` is what ``redline diff`` runs for a pair and for a series of versions.
"""
