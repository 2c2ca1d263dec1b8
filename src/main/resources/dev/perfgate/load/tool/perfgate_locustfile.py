# Written by perfgate for one Locust run and given to Locust as a second locustfile beside the user's (-f theirs,this),
# so theirs runs unchanged. It records every request's response time exactly, to the microsecond, instead of
# Locust's own rounded buckets. Workers send what they recorded to the master with their stats reports;
# the master (or a single process) writes it to PERFGATE_SAMPLES at the very end, after the workers' final reports.
import json
import os
import time

import locust.runners
from locust import events
from locust.runners import WorkerRunner

# Debian's python3-locust 2.12.1 carries an empty version string; its workers then announce themselves with "" and
# the master refuses them as "an old (pre 2.0) worker". Master and workers both load this file, so both agree.
if not locust.runners.__version__:
    locust.runners.__version__ = "2.12.1+perfgate"

# name -> {"micros": {micros: count}, "errors": {kind: count}}
_requests = {}
_span = [None, None]


def _kind(exception):
    """perfgate's error kinds, by the exception's class: what went wrong, not how Locust's client words it."""
    names = [c.__name__ for c in type(exception).__mro__]
    if "CatchResponseError" in names:
        return "check"
    if any("Timeout" in n or "timeout" == n for n in names):
        return "timeout"
    if any(n in ("ConnectionRefusedError", "ConnectError", "NewConnectionError", "gaierror") for n in names):
        return "connect"
    if any("HTTPError" in n for n in names):
        return "status"
    return "io"


def _add(name, micros=None, errors=None, first=None, last=None):
    entry = _requests.setdefault(name, {"micros": {}, "errors": {}})
    for value, count in (micros or {}).items():
        entry["micros"][value] = entry["micros"].get(value, 0) + count
    for kind, count in (errors or {}).items():
        entry["errors"][kind] = entry["errors"].get(kind, 0) + count
    for t in (first, last):
        if t is not None:
            _span[0] = t if _span[0] is None else min(_span[0], t)
            _span[1] = t if _span[1] is None else max(_span[1], t)


@events.request.add_listener
def _on_request(request_type, name, response_time, response_length, exception=None, **kwargs):
    micros = str(max(0, int(round(float(response_time) * 1000.0))))
    now = time.time()
    _add(name, {micros: 1}, {_kind(exception): 1} if exception is not None else None, now, now)


@events.report_to_master.add_listener
def _on_report_to_master(client_id, data, **kwargs):
    global _requests
    data["perfgate"] = {"requests": _requests, "span": list(_span)}
    _requests = {}
    _span[0] = _span[1] = None


@events.worker_report.add_listener
def _on_worker_report(client_id, data, **kwargs):
    report = data.get("perfgate")
    if report:
        span = report.get("span") or [None, None]
        for name, entry in report["requests"].items():
            _add(name, entry.get("micros"), entry.get("errors"), span[0], span[1])


_environment = []


@events.init.add_listener
def _on_init(environment, **kwargs):
    _environment.append(environment)


# "quit" comes after the master's runner has quit and waited for the workers' final reports ("quitting" comes before)
@events.quit.add_listener
def _on_quit(exit_code, **kwargs):
    if _environment and isinstance(_environment[0].runner, WorkerRunner):
        return
    target = os.environ["PERFGATE_SAMPLES"]
    with open(target + ".part", "w", encoding="utf-8") as out:
        json.dump({"format": "perfgate-locust-samples/1", "firstEpochSeconds": _span[0],
                   "lastEpochSeconds": _span[1], "requests": _requests}, out)
    os.replace(target + ".part", target)
