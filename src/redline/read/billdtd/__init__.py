"""The Bill DTD importer: US bills and resolutions in GPO's Bill DTD XML.

`reader.import_bill_dtd` reads the ``form`` metadata, `translate` turns the body into the
USLM shape, and `redline.read.uslm.body` builds the units, as for a USLM bill.
"""
