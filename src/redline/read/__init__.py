"""Every source that is not AKN, turned into a `redline.model.Document`.

`sources` resolves a path, ``-`` or ``REV:path`` (through `git`), sniffs the format and
routes it: plain text to `text`, USLM XML to `uslm`, GPO's Bill DTD XML to `billdtd`
(sharing `us_levels` and the USLM builder), AKN to `redline.akn.read`. Each
reader guarantees a `Document` whose units hold every word of the source's legislative
text, with eIds unique in the document, or an `InputError` naming the file and place.
"""
