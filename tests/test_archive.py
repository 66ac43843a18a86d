"""The raw archive: bytes stored once by sha256, append-only provenance, crash safety."""

import hashlib
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pipelines.archive import ArchivedFile, FetchRecord, RawArchive

REPORT = (Path(__file__).parent / "fixtures" / "harvest" / "015.txt").read_bytes()
SHA = hashlib.sha256(REPORT).hexdigest()
URL = "https://www.example.gov.cn/gk/2023/015.txt"


def fetched(url: str = URL, etag: str | None = '"v1"', at: str = "2025-01-31T08:00:00Z",
            last_modified: str | None = None) -> dict:
    return {"url": url, "final_url": url, "original_name": "015.txt", "fetched_at": at,
            "http_status": 200, "content_type": "text/plain", "etag": etag,
            "last_modified": last_modified}


def objects(root: Path) -> list[Path]:
    return sorted(p for p in (root / "objects").rglob("*") if p.is_file())


def log_lines(root: Path) -> list[str]:
    return (root / "provenance.jsonl").read_text(encoding="utf-8").splitlines()


def test_identical_bytes_are_stored_once_at_their_sha256(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    first = archive.put(REPORT, fetched())
    again = archive.put(REPORT, fetched(at="2025-02-01T08:00:00Z"))
    path = tmp_path / "objects" / SHA[:2] / SHA[2:]
    assert first == ArchivedFile(SHA, 1998, path, new_object=True, new_provenance=True)
    assert again == ArchivedFile(SHA, 1998, path, new_object=False, new_provenance=False)
    assert objects(tmp_path) == [path]
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert archive.get(SHA) == REPORT
    assert SHA in archive


def test_provenance_is_one_json_line_per_new_sighting(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    archive.put(REPORT, fetched())
    archive.put(REPORT, fetched())  # same sha256, url and etag: not appended
    archive.put(REPORT, fetched("https://mirror.example.cn/015.txt", etag=None))
    assert log_lines(tmp_path) == [
        f'{{"sha256":"{SHA}","size":1998,"url":"{URL}","final_url":"{URL}",'
        '"original_name":"015.txt","fetched_at":"2025-01-31T08:00:00Z","http_status":200,'
        '"content_type":"text/plain","etag":"\\"v1\\"","last_modified":null}',
        f'{{"sha256":"{SHA}","size":1998,"url":"https://mirror.example.cn/015.txt",'
        '"final_url":"https://mirror.example.cn/015.txt","original_name":"015.txt",'
        '"fetched_at":"2025-01-31T08:00:00Z","http_status":200,"content_type":"text/plain",'
        '"etag":null,"last_modified":null}',
    ]
    assert [p["url"] for p in archive.provenance(SHA)] == [URL,
                                                           "https://mirror.example.cn/015.txt"]
    assert objects(tmp_path) == [tmp_path / "objects" / SHA[:2] / SHA[2:]]


def test_latest_fetch_follows_the_url_over_time(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    assert archive.latest_fetch(URL) is None
    archive.put(b"version A", fetched(etag='"a"', at="2024-01-31T00:00:00Z"))
    archive.put(b"version B", fetched(etag='"b"', at="2024-03-01T00:00:00Z",
                                      last_modified="Fri, 01 Mar 2024 00:00:00 GMT"))
    sha_b = hashlib.sha256(b"version B").hexdigest()
    assert archive.latest_fetch(URL) == FetchRecord(
        URL, sha_b, '"b"', "Fri, 01 Mar 2024 00:00:00 GMT", "2024-03-01T00:00:00Z")
    back = archive.put(b"version A", fetched(etag='"a"', at="2024-04-01T00:00:00Z"))
    assert back.new_provenance and not back.new_object  # back to A is a new sighting
    assert archive.latest_fetch(URL).etag == '"a"'
    assert len(log_lines(tmp_path)) == 3


def test_reopening_reads_the_provenance_back(tmp_path: Path) -> None:
    RawArchive(tmp_path).put(REPORT, fetched())
    archive = RawArchive(tmp_path)
    assert archive.provenance(SHA) == [{"sha256": SHA, "size": 1998, **fetched()}]
    assert archive.latest_fetch(URL) == FetchRecord(URL, SHA, '"v1"', None,
                                                    "2025-01-31T08:00:00Z")
    assert not archive.put(REPORT, fetched()).new_provenance


def test_inbox_files_record_their_path_name_and_mtime(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "2023").mkdir(parents=True)
    path = inbox / "2023" / "西柳镇.txt"
    path.write_bytes(REPORT)
    os.utime(path, (1706659200, 1706659200))  # 2024-01-31T00:00:00Z
    archive = RawArchive(tmp_path / "archive")
    assert archive.put_file(path, inbox).new_provenance
    assert not archive.put_file(path, inbox).new_provenance
    assert archive.provenance(SHA) == [{"sha256": SHA, "size": 1998,
                                        "inbox_path": "2023/西柳镇.txt",
                                        "original_name": "西柳镇.txt",
                                        "mtime": "2024-01-31T00:00:00Z",
                                        "mtime_ns": 1706659200 * 10**9}]
    assert archive.latest_fetch(URL) is None


def test_unknown_and_malformed_ids(tmp_path: Path) -> None:
    archive = RawArchive(tmp_path)
    with pytest.raises(KeyError):
        archive.get("0" * 64)
    with pytest.raises(ValueError, match="not a lowercase hex sha256"):
        archive.get("../../etc/passwd")
    assert archive.provenance("0" * 64) == []
    with pytest.raises(ValueError, match="'url' or an 'inbox_path'"):
        archive.put(b"x", {"original_name": "x.txt"})


def test_leftover_temp_file_is_invisible_and_cleaned_on_open(tmp_path: Path) -> None:
    RawArchive(tmp_path)
    (tmp_path / "tmp" / f"{SHA[:16]}-half").write_bytes(REPORT[:700])  # a killed put
    archive = RawArchive(tmp_path)
    assert list((tmp_path / "tmp").iterdir()) == []
    assert objects(tmp_path) == [] and SHA not in archive
    assert archive.provenance(SHA) == []
    assert archive.put(REPORT, fetched()).new_object


def test_failed_put_leaves_nothing_visible(tmp_path: Path, monkeypatch) -> None:
    archive = RawArchive(tmp_path)

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "link", interrupted)
    with pytest.raises(KeyboardInterrupt):
        archive.put(REPORT, fetched())
    assert objects(tmp_path) == [] and list((tmp_path / "tmp").iterdir()) == []
    assert not (tmp_path / "provenance.jsonl").exists() or log_lines(tmp_path) == []


def test_process_killed_mid_put_leaves_no_partial_object(tmp_path: Path) -> None:
    """A real SIGKILL, just before the object would be linked into place."""
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from pipelines.archive import RawArchive
        archive = RawArchive(Path({str(tmp_path)!r}))
        os.link = lambda src, dst: os.kill(os.getpid(), signal.SIGKILL)
        archive.put(b"half written" * 1000, {{"url": "https://a.gov.cn/r.txt"}})
    """)
    killed = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[1],
                            check=False)
    assert killed.returncode == -9
    assert len(list((tmp_path / "tmp").iterdir())) == 1  # the temp file it left
    archive = RawArchive(tmp_path)
    assert list((tmp_path / "tmp").iterdir()) == [] and objects(tmp_path) == []
    assert archive.latest_fetch("https://a.gov.cn/r.txt") is None


def test_torn_last_provenance_line_is_cut_off_on_open(tmp_path: Path) -> None:
    RawArchive(tmp_path).put(REPORT, fetched())
    with (tmp_path / "provenance.jsonl").open("ab") as log:
        log.write(b'{"sha256":"ab')  # a crash mid-append
    archive = RawArchive(tmp_path)
    assert len(log_lines(tmp_path)) == 1
    assert archive.put(REPORT, fetched("https://mirror.example.cn/015.txt")).new_provenance
    assert [p["url"] for p in RawArchive(tmp_path).provenance(SHA)] == [
        URL, "https://mirror.example.cn/015.txt"]


def test_an_existing_object_is_never_rewritten(tmp_path: Path) -> None:
    path = RawArchive(tmp_path).put(REPORT, fetched()).path
    before = path.stat()
    again = RawArchive(tmp_path).put(REPORT, fetched("https://mirror.example.cn/015.txt"))
    assert (again.new_object, again.new_provenance) == (False, True)
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_losing_a_race_to_another_writer_keeps_their_object(tmp_path: Path,
                                                            monkeypatch) -> None:
    archive = RawArchive(tmp_path)
    link = os.link

    def other_writer_first(src, dst):
        Path(dst).write_bytes(REPORT)  # the other writer's identical object
        link(src, dst)

    monkeypatch.setattr(os, "link", other_writer_first)
    put = archive.put(REPORT, fetched())
    assert (put.new_object, put.new_provenance) == (False, True)
    assert archive.get(SHA) == REPORT and list((tmp_path / "tmp").iterdir()) == []


def test_inbox_files_are_archived_together_and_unchanged_ones_not_read_again(
        tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, body in (("a.txt", b"report a"), ("b.txt", b"report b"), ("c.txt", b"report a")):
        (inbox / name).write_bytes(body)
    paths = sorted(inbox.iterdir())
    archive = RawArchive(tmp_path / "archive")
    first = archive.put_files(paths, inbox)
    assert [(f.new_object, f.new_provenance) for f in first] == [
        (True, True), (True, True), (False, True)]
    assert first[0].sha256 == first[2].sha256
    assert len(log_lines(tmp_path / "archive")) == 3
    assert not any((tmp_path / "archive" / "tmp").iterdir())
    # The quick check: same size and mtime means unchanged, so the bytes are not read.
    stat = paths[1].stat()
    paths[1].write_bytes(b"report B")
    os.utime(paths[1], ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = RawArchive(tmp_path / "archive").put_files(paths, inbox)
    assert [f.sha256 for f in again] == [f.sha256 for f in first]
    assert not any(f.new_provenance or f.new_object for f in again)
    os.utime(paths[1], ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))  # touched: read again
    changed = RawArchive(tmp_path / "archive").put_files(paths, inbox)[1]
    assert (changed.new_object, changed.new_provenance) == (True, True)
    assert RawArchive(tmp_path / "archive").get(changed.sha256) == b"report B"
