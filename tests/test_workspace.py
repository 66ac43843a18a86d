"""`dagster dev`'s web server, started for real on loopback, shows the asset graph."""

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
QUERY = '{ assetNodes { assetKey { path } dependencyKeys { path } } }'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graph(port: int) -> dict | None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql", data=json.dumps({"query": QUERY}).encode(),
        headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)
    except OSError:
        return None


@pytest.mark.slow  # starts dagster-webserver and waits for it: ~15 s of CPU
def test_webserver_loads_the_workspace_and_shows_the_graph(tmp_path: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("dagster-webserver")), "-w", "workspace.yaml",
         "-h", "127.0.0.1", "-p", str(port)],
        cwd=ROOT, env={"DAGSTER_HOME": str(tmp_path), "PATH": str(Path(sys.executable).parent)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        graph = None
        for _ in range(120):  # bounded: at most about two minutes
            graph = _graph(port)
            if graph and graph.get("data", {}).get("assetNodes"):
                break
            time.sleep(1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert graph is not None
    edges = {"/".join(n["assetKey"]["path"]): sorted("/".join(d["path"])
             for d in n["dependencyKeys"]) for n in graph["data"]["assetNodes"]}
    assert edges["inbox_files"] == [] and edges["harvested_sources"] == []
    assert edges["discovered_reports"] == []
    assert edges["parsed_reports"] == ["discovered_reports", "harvested_sources", "inbox_files"]
    assert edges["t3_requests"] == ["parsed_reports"]
    # inbox_files: the entries skipped, published in the release's skipped.csv
    assert edges["data_package"] == ["cells", "checks", "flags", "inbox_files", "reports",
                                     "t2_proactive", "t3_requests", "t4_reviews"]
