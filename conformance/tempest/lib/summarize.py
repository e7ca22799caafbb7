#!/usr/bin/python3
"""Summarises the last stestr run of a tempest workspace (reads `stestr last --subunit`).

Prints the counts, the most common failure reasons (exception + message, with ids and addresses
replaced by placeholders, and the tempest client call that failed), and writes every failure with
its traceback to --failures. The last line is the plain closing line:

    tempest: N passed, N failed, N skipped
"""
import argparse
import collections
import io
import json
import re
import subprocess
import sys

import subunit
import testtools

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
HEX = re.compile(r"\b[0-9a-f]{32}\b", re.I)
IPV4 = re.compile(r"\b\d{1,3}(\.\d{1,3}){3}(/\d+)?\b")
IPV6 = re.compile(r"\b[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(/\d+)?\b", re.I)
MAC = re.compile(r"\b([0-9a-f]{2}:){5}[0-9a-f]{2}\b", re.I)
NAME = re.compile(r"tempest-[\w-]+")
EXC = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|NotFound|BadRequest|Conflict|Forbidden|Unauthorized|"
                 r"ServerFault|Failure|Timeout|Mismatch\w*|Gone|NotImplemented|InvalidContentType|"
                 r"UnexpectedResponseCode|UnexpectedContentType|InvalidHTTPResponseBody|TimeoutException|"
                 r"\w+Error))(?::\s*(.*))?$")
CLIENT = re.compile(r'File ".*?/(?:tempest/lib|neutron_tempest_plugin)/services/network/(?:json/)?(\w+)\.py", '
                    r'line \d+, in (\w+)')


def normalize(text):
    text = UUID.sub("<id>", text)
    text = HEX.sub("<id>", text)
    text = MAC.sub("<mac>", text)
    text = IPV4.sub("<ip>", text)
    text = IPV6.sub(lambda m: "<ip6>" if m.group(0).count(":") >= 2 and len(m.group(0)) > 3 else m.group(0), text)
    text = NAME.sub("<name>", text)
    return re.sub(r"\s+", " ", text).strip()


def reason_of(traceback):
    lines = [l.rstrip() for l in traceback.splitlines() if l.strip()]
    exc, details = None, ""
    for i in range(len(lines) - 1, -1, -1):
        m = EXC.match(lines[i].strip())
        if m and not lines[i].startswith(" "):
            exc = lines[i].strip()
            tail = [l.strip() for l in lines[i + 1:i + 4] if not l.startswith("  File ")]
            details = " ".join(tail)
            break
    if exc is None:
        exc = lines[-1].strip() if lines else "(no traceback)"
    calls = CLIENT.findall(traceback)
    where = f" [{calls[-1][0]}.{calls[-1][1]}]" if calls else ""
    text = exc + (" " + details if details else "")
    return normalize(text)[:300] + where


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workspace", required=True)
    p.add_argument("--failures", required=True)
    p.add_argument("--json")
    p.add_argument("--top", type=int, default=15)
    p.add_argument("--known", help="known failures: one test id per line (without [...]), '#' comments; "
                   "the exit status is then 5 when a test outside the list failed")
    a = p.parse_args()

    stream = subprocess.run(["stestr", "last", "--subunit"], cwd=a.workspace, capture_output=True)
    if stream.returncode != 0 and not stream.stdout:
        sys.exit("summarize: stestr last failed: " + stream.stderr.decode(errors="replace")[-500:])

    tests = {}

    def on_test(t):
        if t["status"] in ("exists", "inprogress", None):
            return
        tests[t["id"]] = t

    result = testtools.StreamToDict(on_test)
    result.startTestRun()
    subunit.ByteStreamToStreamResult(io.BytesIO(stream.stdout), non_subunit_name="stdout").run(result)
    result.stopTestRun()

    counts = collections.Counter()
    reasons = collections.Counter()
    examples = {}
    skip_reasons = collections.Counter()
    failures = []
    for tid, t in sorted(tests.items()):
        status = t["status"]
        counts[status] += 1
        details = t.get("details", {})
        if status == "fail":
            tb = "".join(details["traceback"].iter_text()) if "traceback" in details else ""
            r = reason_of(tb)
            reasons[r] += 1
            examples.setdefault(r, tid)
            failures.append((tid, r, tb))
        elif status == "skip":
            reason = "".join(details["reason"].iter_text()) if "reason" in details else "?"
            skip_reasons[normalize(reason)[:160]] += 1

    with open(a.failures, "w") as f:
        for tid, r, tb in failures:
            f.write(f"=== {tid}\n--- reason: {r}\n{tb}\n")

    passed = counts["success"] + counts["xfail"]
    failed = counts["fail"] + counts["uxsuccess"]
    skipped = counts["skip"]
    total = passed + failed + skipped
    print(f"ran {total} tests: {counts['success']} passed, {counts['fail']} failed, {skipped} skipped"
          f" (expected failures {counts['xfail']}, unexpected successes {counts['uxsuccess']})")
    if reasons:
        print(f"most common failure reasons ({len(reasons)} distinct):")
        for r, n in reasons.most_common(a.top):
            print(f"  {n:4d}  {r}")
            print(f"        e.g. {examples[r]}")
    if skip_reasons:
        print("most common skip reasons:")
        for r, n in skip_reasons.most_common(8):
            print(f"  {n:4d}  {r}")
    print(f"every failure with its traceback: {a.failures}")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"passed": passed, "failed": failed, "skipped": skipped,
                       "reasons": reasons.most_common(),
                       "failed_tests": [tid for tid, _, _ in failures]}, f, indent=1)
    print(f"tempest: {passed} passed, {failed} failed, {skipped} skipped")
    if a.known:
        return compare_with_known(a.known, [tid for tid, _, _ in failures], tests)
    return 0


def base_id(tid):
    return tid.split("[", 1)[0]


def compare_with_known(path, failed, tests):
    """Prints the regressions (failures not in the list) and the list entries that now pass; 5 on a regression."""
    known = set()
    with open(path) as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                known.add(line)
    new = sorted(t for t in failed if base_id(t) not in known)
    ran = {base_id(k): v["status"] for k, v in tests.items()}
    fixed = sorted(k for k in known if ran.get(k) == "success")
    print(f"known failures ({path}): {len(known)} listed, {len(failed) - len(new)} of them failed here")
    for t in fixed:
        print(f"  now passing, remove from the list: {t}")
    for t in new:
        print(f"  NEW FAILURE (not in the list): {t}")
    return 5 if new else 0


if __name__ == "__main__":
    sys.exit(main())
