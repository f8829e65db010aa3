"""The USLM importer: US bills and resolutions published by GPO in USLM XML.

`reader.import_uslm` reads the metadata and calls `body.build_main`, which turns the
levels into units; `text` flattens one element's words into a unit's text.
"""
