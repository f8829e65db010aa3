"""The Akoma Ntoso side: reading, writing and validating AKN 3.0, and its naming rules.

`read` turns AKN XML (ours or another publisher's) into a `redline.model.Document`;
`write` is its inverse for the documents redline imports; `validate` checks a file against
the official schema shipped in ``schema/`` plus the project's rules; `naming` builds the
eIds every importer uses. Depends only on the ground floor (model, errors, xmlsafe).
"""
