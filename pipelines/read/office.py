"""Legacy Word and WPS files (DOC/WPS): converted to DOCX by LibreOffice, then read as DOCX.

LibreOffice runs headless in a temporary directory with its own user profile, so
parallel conversions do not share (and lock) one profile, and with a timeout, so a file
that hangs the converter fails with a reason instead of stalling the run.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from pipelines.document import Document
from pipelines.read import docx
from pipelines.read.decode import UnreadableFile

TIMEOUT_SECONDS = 120
_EXECUTABLES = ("soffice", "libreoffice")
_SUFFIXES = {".doc", ".wps", ".dot", ".wpt", ".rtf"}


def _soffice(name: str) -> str:
    for executable in _EXECUTABLES:
        path = shutil.which(executable)
        if path:
            return path
    raise UnreadableFile(f"{name}: a legacy Word/WPS file needs LibreOffice (soffice) to be "
                         "converted; it is not installed")


def _run(name: str, command: list[str], timeout: float) -> tuple[int, bytes]:
    """Run the converter in its own process group, killed whole on timeout.

    `soffice` is a launcher that starts `soffice.bin`; killing the launcher alone would
    leave the converter running.
    """
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          start_new_session=True) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as e:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise UnreadableFile(f"{name}: LibreOffice did not convert the file within "
                                 f"{timeout:g} s") from e
        except BaseException:  # the file's time budget ran out (pipelines/budget.py), or ^C:
            os.killpg(process.pid, signal.SIGKILL)  # else leaving `with` waits on soffice
            raise
    return process.returncode, output


def convert_to_docx(name: str, data: bytes, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The DOCX bytes LibreOffice makes of a DOC/WPS file; raises UnreadableFile if it can't."""
    soffice = _soffice(name)
    suffix = Path(name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="ogi-office-") as tmp:
        work = Path(tmp)
        source = work / f"input{suffix if suffix in _SUFFIXES else '.doc'}"
        source.write_bytes(data)
        out = work / "out"
        command = [soffice, "--headless", "--norestore", "--nolockcheck",
                   f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--convert-to", "docx", "--outdir", str(out), str(source)]
        returncode, output = _run(name, command, timeout)
        converted = out / f"{source.stem}.docx"
        if returncode != 0 or not converted.is_file():
            detail = output.decode("utf-8", "replace").strip()
            detail = detail.splitlines()[-1] if detail else f"exit code {returncode}"
            raise UnreadableFile(f"{name}: LibreOffice could not convert the file ({detail})")
        return converted.read_bytes()


def read(name: str, sha256: str, size: int, data: bytes) -> Document:
    """A legacy DOC/WPS file read as the DOCX LibreOffice converts it to (rendering `doc`)."""
    converted = convert_to_docx(name, data)
    return replace(docx.read(name, sha256, size, converted), rendering="doc")
