"""The one safe XML parser every reader uses (AKN, USLM, schema check).

Input comes from outside (drafts sent by email, pull requests), so parsing refuses
what could read local files, reach the network or blow up memory, before any
reader looks at the tree.

Guarantees of `parse_xml`, so readers need not check again:
1. No entity is ever expanded and no DTD or other external resource is loaded:
   a DOCTYPE that declares entities or names an external DTD is refused with
   `InputError`, quickly (billion laughs, quadratic blow-up and XXE never expand).
2. Inputs over the size limit (`input_limit`) and trees deeper than `MAX_DEPTH` are refused with a
   message giving the limit.
3. Malformed XML raises `InputError` ("not well-formed XML: ...") with its line.
4. Comments and processing instructions are dropped; CDATA becomes plain text;
   every element keeps its source line (``element.sourceline``).
"""

from __future__ import annotations

import os

from lxml import etree

from redline.errors import InputError

MAX_BYTES = 32 * 1024 * 1024
"""The default largest input (32 MB), XML or text, applied by `input_limit`: room for
the largest real bills (omnibus appropriations acts in USLM run to 10-20 MB, some 1.6
million words) while a 1 GB file or an endless device is refused before it is read."""
LIMIT_VARIABLE = "REDLINE_MAX_INPUT_MB"
"""The environment variable that changes the limit (in MB); ``redline --max-input-size``
sets it, so the worker processes of a series see it too."""


def input_limit() -> int:
    """The input size limit in force, in bytes: `LIMIT_VARIABLE` if set, else `MAX_BYTES`.

    >>> input_limit() == MAX_BYTES or LIMIT_VARIABLE in __import__("os").environ
    True
    """
    value = os.environ.get(LIMIT_VARIABLE, "")
    try:
        megabytes = float(value)
    except ValueError:
        return MAX_BYTES
    return int(megabytes * 1048576) if megabytes > 0 else MAX_BYTES


def too_large(source: str) -> InputError:
    """The one message for an input over the limit, read or not."""
    limit = input_limit() / 1048576
    return InputError(
        f"more than {limit:g} MB, the limit for an input (see --max-input-size); refused unread",
        source=source,
    )


MAX_DEPTH = 200
"""Deepest element nesting accepted; real legal documents stay well under 30."""

_MARKERS = (b"<!ENTITY", b"<\x00!\x00E\x00N\x00T\x00I\x00T\x00Y\x00")


class _RefuseAll(etree.Resolver):
    """Answers every request for an external resource with nothing, and notes it.

    libxml2 may still ask for a DOCTYPE's external subset with DTD loading off;
    this makes sure no local file or URL is ever read.
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
        raise InputError("empty file, expected XML", source=source)
    if any(marker in data for marker in _MARKERS):
        raise InputError(
            "DOCTYPE declares entities; refused for safety (entities are never expanded)",
            source=source,
        )
    resolver = _RefuseAll()
    try:
        root = etree.fromstring(data, _parser(resolver))
    except etree.XMLSyntaxError as error:
        if resolver.requested:
            raise _external(resolver.requested[0], source) from None
        raise _syntax_error(error, source) from None
    if resolver.requested:
        raise _external(resolver.requested[0], source)
    _check_doctype(root, source)
    _check_depth(root, source)
    return root


def _syntax_error(error: etree.XMLSyntaxError, source: str) -> InputError:
    """`InputError` for a libxml2 syntax error, with its line and column."""
    message = str(error.msg or error).strip()
    if "Excessive depth" in message:
        return InputError(f"elements nested deeper than {MAX_DEPTH} levels", source=source)
    line = error.lineno if error.lineno and error.lineno > 0 else None
    return InputError(f"not well-formed XML: {message}", source=source, line=line)


def _external(url: str, source: str) -> InputError:
    return InputError(
        f"DOCTYPE names an external DTD or entity ({url}); refused for safety", source=source
    )


def _check_doctype(root: etree._Element, source: str) -> None:
    """Refuse a DOCTYPE that declares entities or points at an external DTD."""
    docinfo = root.getroottree().docinfo
    # `system_url` and `DTD.iterentities` exist in lxml but not in its stubs.
    external = getattr(docinfo, "system_url", None) or docinfo.public_id
    if external:
        raise _external(str(external), source)
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in getattr(dtd, "iterentities")()):  # noqa: B009
        raise InputError("DOCTYPE declares entities; refused for safety", source=source)


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
