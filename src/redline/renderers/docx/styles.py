"""The styles part of the redline .docx: every paragraph and character style it uses.

Headings are Word's own ``heading 1``–``4`` (so the navigation pane and a table of
contents find them); text at list depth N uses ``Provision N`` (a number, a tab, a
hanging indent) or ``Text N`` (unnumbered, same left edge), so indentation comes from
styles, never from typed spaces. Guarantees: every style id the renderer writes is
defined here (a test checks it on real documents).
"""

from __future__ import annotations

from redline.renderers.docx.inline import MAX_DEPTH

_INDENT = 567  # 1 cm in twentieths of a point


def _paragraph(style_id: str, name: str, body: str, based_on: str = "Normal") -> str:
    return (
        f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="{based_on}"/><w:qFormat/>{body}</w:style>'
    )


def _character(style_id: str, name: str, body: str) -> str:
    return (
        f'<w:style w:type="character" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f"<w:rPr>{body}</w:rPr></w:style>"
    )


def _levels() -> list[str]:
    styles = []
    for depth in range(MAX_DEPTH + 1):
        left = _INDENT * (depth + 1)
        styles.append(
            _paragraph(
                f"Provision{depth}",
                f"Provision {depth}",
                f'<w:pPr><w:tabs><w:tab w:val="left" w:pos="{left}"/></w:tabs>'
                f'<w:ind w:left="{left}" w:hanging="{_INDENT}"/></w:pPr>',
            )
        )
        styles.append(
            _paragraph(
                f"Text{depth}",
                f"Text {depth}",
                f'<w:pPr><w:ind w:left="{_INDENT * depth}" w:firstLine="{_INDENT}"/></w:pPr>',
            )
        )
    return styles


def _headings() -> list[str]:
    sizes = {1: 32, 2: 26, 3: 24, 4: 22}
    return [
        _paragraph(
            f"Heading{level}",
            f"heading {level}",
            f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/>'
            f'<w:outlineLvl w:val="{level - 1}"/></w:pPr>'
            f'<w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr>',
        )
        for level, size in sizes.items()
    ]


def styles_xml() -> bytes:
    """The whole ``word/styles.xml``."""
    defaults = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Serif" '
        'w:hAnsi="DejaVu Serif" w:cs="DejaVu Serif" w:eastAsia="DejaVu Serif"/>'
        '<w:sz w:val="21"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
        '<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    styles = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">'
        '<w:name w:val="Normal"/><w:qFormat/></w:style>',
        _paragraph(
            "Title",
            "Title",
            '<w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr>'
            '<w:rPr><w:b/><w:sz w:val="32"/></w:rPr>',
        ),
        _paragraph(
            "DocumentTitle",
            "Redline Document Title",
            '<w:pPr><w:pageBreakBefore/><w:spacing w:after="360"/><w:jc w:val="center"/>'
            '</w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr>',
        ),
        _paragraph(
            "ComponentTitle",
            "Redline Component Title",
            '<w:pPr><w:keepNext/><w:spacing w:before="480" w:after="240"/><w:jc w:val="center"/>'
            '<w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr>',
        ),
        _paragraph("Summary", "Redline Summary", '<w:pPr><w:jc w:val="left"/></w:pPr>'),
        _paragraph(
            "TableText",
            "Redline Table Text",
            '<w:pPr><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr>'
            '<w:rPr><w:sz w:val="18"/></w:rPr>',
        ),
        *_headings(),
        *_levels(),
        _paragraph(
            "FootnoteText",
            "footnote text",
            '<w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr>',
        ),
        _character("FootnoteReference", "footnote reference", '<w:vertAlign w:val="superscript"/>'),
        _character("Strong", "Strong", "<w:b/>"),
        _character("Deleted", "Redline Deleted", '<w:strike/><w:color w:val="C00000"/>'),
        _character(
            "Inserted", "Redline Inserted", '<w:u w:val="single"/><w:color w:val="1F4E9E"/>'
        ),
        _character("MovedFrom", "Redline Moved From", '<w:dstrike/><w:color w:val="2E7D32"/>'),
        _character("MovedTo", "Redline Moved To", '<w:u w:val="double"/><w:color w:val="2E7D32"/>'),
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
        '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:color="808080"/>'
        '<w:left w:val="single" w:sz="4" w:color="808080"/>'
        '<w:bottom w:val="single" w:sz="4" w:color="808080"/>'
        '<w:right w:val="single" w:sz="4" w:color="808080"/>'
        '<w:insideH w:val="single" w:sz="4" w:color="808080"/>'
        '<w:insideV w:val="single" w:sz="4" w:color="808080"/></w:tblBorders>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        + defaults
        + "".join(styles)
        + "</w:styles>"
    ).encode("utf-8")
