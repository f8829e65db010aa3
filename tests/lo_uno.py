"""LibreOffice, driven through UNO: the real consumer the .docx tests open documents in.

Run by Debian's /usr/bin/python3 (which has ``python3-uno``), not by the project's
interpreter: it starts one headless LibreOffice (own profile folder, own pipe), then
answers one JSON request per line on stdin with one JSON line on stdout:

- ``{"op": "read", "path": P, "revisions": "accept" | "reject" | "keep", "out": Q}``:
  opens P, accepts or rejects every tracked change (the Review menu's Accept All /
  Reject All), saves the result as .docx to Q (LibreOffice's own writer: one call,
  where walking a long text through the bridge takes many), and returns
  ``"redlines"`` (tracked changes left) and, for ``keep``, ``"kinds"`` (the types of
  tracked change LibreOffice found).
- ``{"op": "pdf", "path": P, "out": Q}``: exports P as PDF to Q.
- ``{"op": "quit"}`` or the end of stdin: closes LibreOffice.
An error answers ``{"error": message}``; a document LibreOffice cannot open is one.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def prop(name, value):
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def start():
    """A running LibreOffice and its desktop object."""
    pipe = f"redline_{uuid.uuid4().hex}"
    profile = tempfile.mkdtemp(prefix="redline-lo-")
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"-env:UserInstallation=file://{profile}",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if time.monotonic() > deadline or office.poll() is not None:
                raise
            time.sleep(0.2)
    desktop = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.Desktop", context
    )
    dispatcher = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.frame.DispatchHelper", context
    )
    return office, desktop, dispatcher


def load(desktop, path):
    url = uno.systemPathToFileUrl(str(Path(path).resolve()))
    document = desktop.loadComponentFromURL(
        url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", False))
    )
    if document is None:
        raise RuntimeError(f"LibreOffice could not open {path}")
    return document


def read(desktop, dispatcher, path, revisions, out):
    document = load(desktop, path)
    try:
        kinds = []
        if revisions == "keep":
            kinds = sorted({r.RedlineType for r in iterate(document.getRedlines())})
        frame = document.getCurrentController().getFrame()
        if revisions != "keep":
            command = {"accept": "AcceptAll", "reject": "RejectAll"}[revisions]
            dispatcher.executeDispatch(frame, f".uno:{command}TrackedChanges", "", 0, ())
        left = len(list(iterate(document.getRedlines())))
        target = uno.systemPathToFileUrl(str(Path(out).resolve()))
        document.storeToURL(target, (prop("FilterName", "MS Word 2007 XML"),))
        return {"saved": out, "redlines": left, "kinds": kinds}
    finally:
        document.close(True)


def iterate(container):
    items = container.createEnumeration()
    while items.hasMoreElements():
        yield items.nextElement()


def export_pdf(desktop, path, out):
    document = load(desktop, path)
    try:
        target = uno.systemPathToFileUrl(str(Path(out).resolve()))
        document.storeToURL(target, (prop("FilterName", "writer_pdf_Export"),))
        return {"pdf": out}
    finally:
        document.close(True)


def serve() -> None:
    office, desktop, dispatcher = start()
    try:
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            if request["op"] == "quit":
                break
            try:
                if request["op"] == "read":
                    answer = read(
                        desktop, dispatcher, request["path"], request["revisions"], request["out"]
                    )
                else:
                    answer = export_pdf(desktop, request["path"], request["out"])
            except Exception as error:
                answer = {"error": f"{type(error).__name__}: {error}"}
            print(json.dumps(answer), flush=True)
    finally:
        with contextlib.suppress(Exception):  # it may be gone already
            desktop.terminate()
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    serve()
