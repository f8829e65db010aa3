"""The USLM importer: US bills, resolutions and public laws published by GPO in USLM XML.

`reader.import_uslm` reads the metadata (`identity` turns it into FRBR metadata) and calls
`body.build_main`, which turns the levels into units; `text` flattens one element's words
into a unit's text; `report` writes the import's line of counts. The Bill DTD importer
(`redline.read.billdtd`) reuses `body`, `identity` and `report`.
"""
