"""`kg serve --reconcile`: the W3C Reconciliation Service API, with real HTTP requests of the
shapes OpenRefine sends (manifest, form-encoded batches with type and property constraints,
preview)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from conftest import ctrl_c_default
from kg.reconciliation import Reconciler
from kg.reconciliation.service import ReconciliationServer

KG = "https://w3id.org/samverkan/def#"
ID = "https://w3id.org/samverkan/id/"


@pytest.fixture(scope="module")
def service(dataset):
    with ReconciliationServer(Reconciler(dataset), port=0) as server:
        yield server.url


def get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get("Content-Type"), response.read().decode("utf-8")


def post_form(url: str, fields: dict):
    data = urllib.parse.urlencode(fields).encode("utf-8")
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def test_manifest(service):
    status, content_type, body = get(service + "/reconcile")
    assert status == 200 and content_type.startswith("application/json")
    manifest = json.loads(body)
    assert "0.2" in manifest["versions"]
    assert manifest["identifierSpace"] == ID and manifest["schemaSpace"] == KG
    assert {"id": KG + "Municipality", "name": "municipality"} in manifest["defaultTypes"]
    assert manifest["preview"]["url"] == service + "/preview?id={{id}}"


def test_batch_as_openrefine_sends_it(service):
    queries = {
        "q0": {"query": "Posion kunnan", "type": KG + "Municipality", "limit": 3, "type_strict": "should"},
        "q1": {"query": "Övertorneå", "limit": 3},
        "q2": {"query": "Övertorneå", "limit": 3, "properties": [{"pid": "country", "v": "SE"}]},
        "q3": {"query": "Lapin liitolta", "type": KG + "Organisation"},
        "q4": {
            "query": "Kommun i Norrbotten",
            "type": KG + "Municipality",
            "properties": [{"pid": "code", "v": "2521"}],
        },
    }
    answer = post_form(service + "/reconcile", {"queries": json.dumps(queries)})
    top = {key: value["result"][0] for key, value in answer.items()}
    assert top["q0"]["id"] == ID + "municipality/fi-614" and top["q0"]["match"] is True
    assert top["q0"]["type"] == [{"id": KG + "Municipality", "name": "municipality"}]
    assert 0 < top["q0"]["score"] <= 100
    assert {r["id"] for r in answer["q1"]["result"][:2]} == {ID + "municipality/se-2518", ID + "municipality/fi-976"}
    assert not any(r["match"] for r in answer["q1"]["result"])
    assert top["q2"]["id"] == ID + "municipality/se-2518" and top["q2"]["match"] is True
    assert top["q3"]["id"] == ID + "org/lapin-liitto"
    assert top["q4"]["id"] == ID + "municipality/se-2521"


def test_get_query_and_jsonp(service):
    queries = json.dumps({"q0": {"query": "R10"}})
    status, _content_type, body = get(service + "/reconcile?" + urllib.parse.urlencode({"queries": queries}))
    assert status == 200
    assert json.loads(body)["q0"]["result"][0]["id"] == ID + "org/region-10"
    _status, content_type, body = get(
        service + "/reconcile?" + urllib.parse.urlencode({"queries": queries, "callback": "jsonp123"})
    )
    assert content_type.startswith("application/javascript") and body.startswith("jsonp123({")


def test_json_body(service):
    request = urllib.request.Request(
        service + "/reconcile",
        data=json.dumps({"q0": {"query": "Pajalas"}}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert json.loads(response.read())["q0"]["result"][0]["id"] == ID + "municipality/se-2521"


def test_preview_is_escaped_html(service):
    status, content_type, body = get(
        service + "/preview?" + urllib.parse.urlencode({"id": ID + "municipality/se-2521"})
    )
    assert status == 200 and content_type.startswith("text/html")
    assert "Pajala" in body and "2521" in body and "<script" not in body
    with pytest.raises(urllib.error.HTTPError) as missing:
        get(service + "/preview?id=urn:nothing")
    assert missing.value.code == 404


@pytest.mark.parametrize(
    "fields",
    [
        {"queries": "{not json"},
        {"queries": json.dumps({"q0": {"limit": 3}})},
        {"queries": json.dumps({"q0": {"query": "x", "type": "kommunn"}})},
    ],
)
def test_bad_requests_get_400(service, fields):
    with pytest.raises(urllib.error.HTTPError) as error:
        post_form(service + "/reconcile", fields)
    assert error.value.code == 400
    assert "bad request" in json.loads(error.value.read())["error"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_kg_serve_reconcile(built, tmp_path):
    port, reconcile_port = free_port(), free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", str(port), "--graph", str(built.output), "--reconcile",
         "--reconcile-port", str(reconcile_port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=tmp_path,
        env={**os.environ, "PYTHONUNBUFFERED": "1"}, preexec_fn=ctrl_c_default,  # stopped with SIGINT below
    )  # fmt: skip
    try:
        lines: list[str] = []
        deadline = time.monotonic() + 60
        # the status lines in --lang's default, Swedish: "slutpunkt:" (endpoint), "avstämning:" (reconcile)
        while not any(line.startswith("slutpunkt:") for line in lines):
            assert time.monotonic() < deadline and process.poll() is None, lines
            lines.append(process.stdout.readline())
        url = next(line for line in lines if line.startswith("avstämning:")).split()[1]
        assert url == f"http://127.0.0.1:{reconcile_port}/reconcile"
        answer = post_form(url, {"queries": json.dumps({"q0": {"query": "Kemijärven kaupungilta"}})})
        assert answer["q0"]["result"][0]["id"] == ID + "municipality/fi-320"
        process.send_signal(signal.SIGINT)
        assert process.wait(15) in (0, 130)
        rest = process.stdout.read()
        assert "gränser:   frågor avbryts efter 30 s; federerade frågor (SERVICE) avvisas\n" in rest, rest
        assert rest.endswith("Tryck Ctrl-C för att stoppa.\nstoppad.\n"), rest
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", reconcile_port), timeout=1):
            pass
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
