"""A real client accepts the tracked changes: LibreOffice's Accept All gives the new render.

Marked ``client``: it needs LibreOffice (``soffice``); skipped without it,
except in CI. LibreOffice runs a Basic macro from a profile of the test's own
that opens the diff DOCX, dispatches ``.uno:AcceptAllTrackedChanges`` and
saves it as DOCX; both that file and the new spec's plain render are then
converted to text by LibreOffice, and the texts must be equal.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.diffing.conftest import Diffed
from tests.e2e.test_e2e_libreoffice import soffice

pytestmark = [pytest.mark.client, pytest.mark.slow]

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
 script:language="StarBasic">
Sub AcceptAll(source As String, target As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(source, &quot;_blank&quot;, 0, load())
  helper = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  helper.executeDispatch(doc.getCurrentController().getFrame(), _
    &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = &quot;FilterName&quot;
  save(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(target, save())
  doc.close(True)
  StarDesktop.terminate()
End Sub
</script:module>
"""


def _soffice(profile: Path, *args: str) -> None:
    result = subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def _text(profile: Path, docx_path: Path, folder: Path) -> str:
    _soffice(
        profile, "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(folder), str(docx_path)
    )
    return (folder / f"{docx_path.stem}.txt").read_text(encoding="utf-8")


def test_libreoffice_accept_all_gives_the_new_document(diffed: Diffed, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    expected = _text(profile, diffed.new_docx, tmp_path / "new")  # also creates the profile
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.is_file(), "LibreOffice made no Basic library in the new profile"
    module.write_text(_MACRO, encoding="utf-8")
    accepted = tmp_path / "accepted.docx"
    source = diffed.outputs["docx"].resolve().as_uri()
    _soffice(profile, f'macro:///Standard.Module1.AcceptAll("{source}","{accepted.as_uri()}")')
    assert accepted.is_file(), "the macro saved nothing"
    with zipfile.ZipFile(accepted) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    assert "<w:ins " not in xml and "<w:del " not in xml
    text = _text(profile, accepted, tmp_path / "accepted")
    assert "Can patients choose which openings they hear about?" in text
    assert "What if two patients reply" not in text
    assert text == expected
