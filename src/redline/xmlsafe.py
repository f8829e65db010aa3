"""The one safe XML parser every reader uses (AKN, USLM, schema check).

Input comes from outside (drafts sent by email, pull requests), so parsing refuses
what could read local files, reach the network or blow up memory, before any
reader looks at the tree.

Guarantees of `parse_xml`, so readers need not check again:
1. No entity is ever expanded and no DTD or other external resource is loaded:
   a DOCTYPE that declares entities is refused with `InputError`, quickly (billion
   laughs, quadratic blow-up and XXE never expand). A DOCTYPE that only *names* an
   external DTD (GPO's bills: ``<!DOCTYPE bill PUBLIC "-//US Congress//DTDs/bill.dtd//EN"
   "bill.dtd">``) is parsed without it: the DTD is never read (no file, no network), so
   it adds no default attribute and no entity; a reference to an entity it would have
   defined (``&mdash;``) is refused, naming its line.
2. Inputs over the size limit (`input_limit`) and trees deeper than `MAX_DEPTH` are refused with a
   message giving the limit.
3. Malformed XML raises `InputError` ("not well-formed XML: ...") with its line.
4. Comments and processing instructions are dropped; CDATA becomes plain text;
   every element keeps its source line (``element.sourceline``).
"""

from __future__ import annotations

import os
import re

from lxml import etree

from redline.errors import InputError, UsageError

MAX_BYTES = 32 * 1024 * 1024
"""The default largest input (32 MB), XML or text, applied by `input_limit`: room for
the largest real bills (omnibus appropriations acts in USLM run to 10-20 MB, some 1.6
million words) while a 1 GB file or an endless device is refused before it is read."""
LIMIT_VARIABLE = "REDLINE_MAX_INPUT_MB"
"""The environment variable that changes the limit (in MB); ``redline --max-input-size``
sets it, so the worker processes of a series see it too."""


def input_limit() -> int:
    """The input size limit in force, in bytes: `LIMIT_VARIABLE` if set, else `MAX_BYTES`;
    a value that is no number of MB above 0 is a `UsageError` (never silently ignored).

    >>> input_limit() == MAX_BYTES or LIMIT_VARIABLE in __import__("os").environ
    True
    """
    value = os.environ.get(LIMIT_VARIABLE, "")
    if not value:
        return MAX_BYTES
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = 0.0
    if not megabytes > 0 or megabytes == float("inf"):
        raise UsageError(f"${LIMIT_VARIABLE} must be a number of MB above 0, got {value!r}")
    return int(megabytes * 1048576)


def too_large(source: str) -> InputError:
    """The one message for an input over the limit, read or not."""
    limit = input_limit() / 1048576
    return InputError(
        f"more than {limit:.3g} MB, the limit for an input (see --max-input-size); refused unread",
        source=source,
    )


MAX_DEPTH = 200
"""Deepest element nesting accepted; real legal documents stay well under 30."""

_MARKERS = (b"<!ENTITY", b"<\x00!\x00E\x00N\x00T\x00I\x00T\x00Y\x00")
#: A reference to a named entity other than XML's five predefined ones.
_ENTITY_REFERENCE = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z_][\w.-]*;")


class _RefuseAll(etree.Resolver):
    """Answers every request for an external resource with nothing, and notes it.

    libxml2 still asks for a DOCTYPE's external subset with DTD loading off; this
    makes sure no local file or URL is ever read: the subset is empty.
    """

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    # The stubs omit the `context` argument lxml passes to `resolve` and `resolve_string`.
    def resolve(self, system_url: str, public_id: str, context: object) -> object:  # type: ignore[override]
        self.requested.append(system_url or public_id or "?")
        return self.resolve_string("", context)  # type: ignore[call-arg]


def _parser(resolver: _RefuseAll) -> etree.XMLParser:
    """A fresh parser with every dangerous feature off (parsers are not thread-safe)."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        strip_cdata=True,
        collect_ids=False,
    )
    parser.resolvers.add(resolver)
    return parser


def parse_xml(data: bytes, source: str) -> etree._Element:
    """The root element of `data`, parsed safely; `InputError` naming `source` otherwise."""
    if len(data) > input_limit():
        raise too_large(source)
    if not data.strip():
        what = "only whitespace" if data else "empty file"
        raise InputError(f"{what}, expected XML", source=source)
    if any(marker in data for marker in _MARKERS):
        raise InputError(
            "DOCTYPE declares entities; refused for safety (entities are never expanded)",
            source=source,
        )
    resolver = _RefuseAll()
    try:
        root = etree.fromstring(data, _parser(resolver))
    except etree.XMLSyntaxError as error:
        raise _syntax_error(error, source) from None
    _check_doctype(root, source)
    _check_entity_references(root, data, source)
    _check_depth(root, source)
    return root


def _syntax_error(error: etree.XMLSyntaxError, source: str) -> InputError:
    """`InputError` for a libxml2 syntax error, with its line and column."""
    message = str(error.msg or error).strip()
    if "Excessive depth" in message:
        return InputError(f"elements nested deeper than {MAX_DEPTH} levels", source=source)
    line = error.lineno if error.lineno and error.lineno > 0 else None
    return InputError(f"not well-formed XML: {_plain(message)}", source=source, line=line)


def _plain(message: str) -> str:
    """libxml2's message without the place our message gives (``file:line:``) again,
    its column kept, and the line an element was opened on said as such (libxml2 writes
    it after the tag's name, where it reads as the place of the error):

    >>> _plain("Premature end of data in tag body line 3, line 9, column 82")
    'Premature end of data in <body> (opened on line 3), column 82'
    >>> _plain("Couldn't find end of Start Tag akomaNtoso line 1, line 2, column 1")
    "Couldn't find the end of the start tag <akomaNtoso> (opened on line 1), column 1"
    >>> _plain("Opening and ending tag mismatch: p line 2 and b, line 3, column 5")
    'Opening and ending tag mismatch: <p> (opened on line 2) and </b>, column 5'
    >>> _plain("Start tag expected, '<' not found, line 1, column 1")
    "Start tag expected, '<' not found, column 1"
    """
    message = re.sub(r", line \d+, (column \d+)$", r", \1", message)
    message = re.sub(r"\bin tag (\S+) line (\d+)", r"in <\1> (opened on line \2)", message)
    message = re.sub(
        r"find end of Start Tag (\S+) line (\d+)",
        r"find the end of the start tag <\1> (opened on line \2)",
        message,
    )
    return re.sub(
        r"mismatch: (\S+) line (\d+) and (\S+?)(,|$)",
        r"mismatch: <\1> (opened on line \2) and </\3>\4",
        message,
    )


def _check_doctype(root: etree._Element, source: str) -> None:
    """Refuse a DOCTYPE whose internal subset declares entities (an external DTD it
    names was never read, see `_RefuseAll`)."""
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in getattr(dtd, "iterentities")()):  # noqa: B009
        raise InputError("DOCTYPE declares entities; refused for safety", source=source)


def _check_entity_references(root: etree._Element, data: bytes, source: str) -> None:
    """Refuse a reference to an entity no one declared (one the unread external DTD
    would define): its text is unknown, and keeping the name would lose words."""
    for entity in root.iter(etree.Entity):
        raise _undefined(str(entity.text), source, entity.sourceline)
    docinfo = root.getroottree().docinfo
    # `system_url` exists in lxml but not in its stubs.
    if getattr(docinfo, "system_url", None) or docinfo.public_id:
        # In an attribute, libxml2 drops such a reference silently: look at the bytes.
        found = _ENTITY_REFERENCE.search(data)
        if found:
            raise _undefined(found.group().decode("ascii"), source, None)


def _undefined(reference: str, source: str, line: object) -> InputError:
    return InputError(
        f"entity reference {reference} is not defined in the file (an external DTD "
        "is never read); write the character itself",
        source=source,
        line=line if isinstance(line, int) else None,
    )


def _check_depth(root: etree._Element, source: str) -> None:
    """Refuse trees nested deeper than `MAX_DEPTH`, naming the line where it happens."""
    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > MAX_DEPTH:
            raise InputError(
                f"elements nested deeper than {MAX_DEPTH} levels",
                source=source,
                line=element.sourceline,
            )


def describe_root(data: bytes, source: str) -> str:
    """The root element of `data` as ``{namespace}name`` (or ``name``), for messages."""
    root = parse_xml(data, source)
    return str(root.tag)
