#!/usr/bin/env python3
"""p50/p99 of POST /api/tasks/{id}/complete over HTTP, one request at a time, on a fresh SQLite database.

Usage: bench/complete-latency.py PATH/TO/wuyi.dll [N] [--signed-in]
With --signed-in a user is created with `wuyi users add` and every request carries its bearer token (issue 9's
sign-in, authorisation and audit); without it the requests carry no credentials (the server before issue 9).
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time, urllib.request

MODEL = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://wuyi.test">
  <bpmn:process id="latency" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
    <bpmn:userTask id="Review" camunda:candidateGroups="township-reviewer:460105001" />
    <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>"""


def call(base, method, path, body=None, token=None, content_type="application/json"):
    data = body.encode() if isinstance(body, str) else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")


def main():
    dll, n, signed_in = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2].isdigit() else 500, "--signed-in" in sys.argv
    folder = tempfile.mkdtemp(prefix=f"wuyi-latency-{os.getpid()}-")
    db = f"sqlite:{folder}/wuyi.db"
    env = dict(os.environ, Wuyi__StopWhenProcessEnds=str(os.getpid()), Wuyi__Demo="false", Wuyi__WorkflowsDirectory=folder, Logging__LogLevel__Default="Warning")
    if signed_in:
        subprocess.run(["dotnet", dll, "users", "add", "bench", "--role", "administrator:46", "--role", "township-reviewer:46",
                        "--password", "Bench-password-2026", "--db", db], check=True, env=env, stdout=subprocess.DEVNULL)
    port = 5600 + os.getpid() % 300
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(["dotnet", dll, "serve", "--db", db, "--urls", base], env=env, stdout=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                call(base, "GET", "/readyz")
                break
            except Exception:
                time.sleep(0.1)
        token = call(base, "POST", "/api/auth/token", {"userName": "bench", "password": "Bench-password-2026"})["accessToken"] if signed_in else None
        call(base, "POST", "/api/definitions", MODEL, token, "application/xml")
        tasks = []
        for _ in range(n + 50):
            instance = call(base, "POST", "/api/instances", {"processKey": "latency", "businessKey": "460105001001"}, token)
            tasks.append(call(base, "GET", f"/api/tasks?instance={instance['id']}&state=open", None, token)["items"][0]["id"])
        times = []
        for i, task in enumerate(tasks):
            started = time.perf_counter()
            call(base, "POST", f"/api/tasks/{task}/complete", {"variables": {"ok": True}}, token)
            if i >= 50:  # the first 50 warm up
                times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(json.dumps({"signedIn": signed_in, "n": len(times), "p50_ms": round(statistics.median(times), 2),
                          "p99_ms": round(times[int(len(times) * 0.99) - 1], 2)}))
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)


main()
