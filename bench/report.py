"""Turns one bench/run into a dated section of docs/BENCHMARKS.md (appended: the file is a history)."""
import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone

work, startup_ms, quarkus_start, cases, messages = sys.argv[1:6]
quick = len(sys.argv) > 6 and sys.argv[6] == "quick"


def load(name):
    with open(os.path.join(work, name)) as f:
        return json.load(f)


ceiling, peak, half = load("ceiling.json"), load("max.json"), load("half.json")
queries = {}
with open(os.path.join(work, "queries.txt")) as f:
    for line in f:
        parts = line.split()
        if len(parts) == 3:
            queries[parts[0]] = (float(parts[1]), float(parts[2]))

http = {}
http_path = os.path.join(work, "http.txt")
if os.path.exists(http_path):
    with open(http_path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                http[parts[0]] = (float(parts[1]), float(parts[2]))

cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
cores = os.cpu_count()
mem = subprocess.run(["sh", "-c", "free -g | awk '/Mem:/ {print $2}'"], capture_output=True, text=True).stdout.strip()
share = peak["pushesPerSecond"] / ceiling["pushesPerSecond"] if ceiling["pushesPerSecond"] else float("nan")


def mark(ok):
    return "met" if ok else "**missed**"


def f(name):
    if not os.path.exists(os.path.join(work, name)):
        return "not measured"
    r = load(name)
    return (f"{r['turnsPerSecond']:.0f} turns/s, first reply p50 / p99 {r['pushToReplyMs']['p50']:.0f} / "
            f"{r['pushToReplyMs']['p99']:.0f} ms, webhook p99 {r['webhookMs']['p99']:.0f} ms, {r['errors']} errors")


def target(name, rate, below=None):
    if not os.path.exists(os.path.join(work, name)):
        return "not measured"
    r = load(name)
    ok = r["turnsPerSecond"] >= rate and r["pushToReplyMs"]["p99"] <= 5000
    if below and os.path.exists(os.path.join(work, below)):
        ok = ok and r["turnsPerSecond"] >= load(below)["turnsPerSecond"]
    return mark(ok)


in_step = ""
if os.path.exists(os.path.join(work, "half-in-step.json")):
    h = load("half-in-step.json")
    in_step = (f"| the same rate with the residents in step (all 32 write at once each period), webhook p99; "
               f"push-to-reply p50 / p95 / p99 | {h['webhookMs']['p99']:.1f} ms; {h['pushToReplyMs']['p50']:.1f} / "
               f"{h['pushToReplyMs']['p95']:.1f} / {h['pushToReplyMs']['p99']:.1f} ms | — |\n")

now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
print(f"""
## {now}{" (quick run: short and small, not comparable)" if quick else ""}

Machine: {cpu}, {cores} cores, {mem} GiB; {platform.system()} {platform.release()}; Java {platform.python_version() and subprocess.run(['java', '-version'], capture_output=True, text=True).stderr.splitlines()[0]}.
Command: `bench/run` (service = the `%prod` build on PostgreSQL, mock carrier and driver on the same machine, loopback only; the service and the ceiling endpoint each get a warm-up of load before they are measured, as a running service has).

| figure | value | target |
| --- | --- | --- |
| ceiling: signed push verified, parsed, one row inserted, 204 | {ceiling['pushesPerSecond']:.0f} pushes/s (p99 {ceiling['webhookMs']['p99']:.1f} ms) | — |
| full journeys at maximum load ({peak['residents']} residents) | {peak['turnsPerSecond']:.0f} turns/s, {peak['pushesPerSecond']:.0f} pushes/s, {peak['journeys']} requests filed, {peak['errors']} errors | — |
| full journeys, 256 residents, with three delivery reports per message | {f('max-256.json')} | ≥ 250 turns/s: {target('max-256.json', 250)} |
| full journeys without delivery reports, 64 residents | {f('no-reports-64.json')} | — |
| full journeys without delivery reports, 256 residents | {f('no-reports-256.json')} | ≥ 600 turns/s and ≥ the rate at 64: {target('no-reports-256.json', 600, 'no-reports-64.json')} |
| our push rate as a share of the ceiling | {share:.0%} | ≥ 70 %: {mark(share >= 0.7)} |
| webhook answer at maximum load p50 / p95 / p99 | {peak['webhookMs']['p50']:.1f} / {peak['webhookMs']['p95']:.1f} / {peak['webhookMs']['p99']:.1f} ms | — |
| webhook answer at half the maximum rate (32 residents writing independently), p99 | {half['webhookMs']['p99']:.1f} ms ({half['pushesPerSecond']:.0f} pushes/s) | ≤ 50 ms: {mark(half['webhookMs']['p99'] <= 50)} |
| push-to-reply at half the maximum rate (the same) p50 / p95 / p99 | {half['pushToReplyMs']['p50']:.1f} / {half['pushToReplyMs']['p95']:.1f} / {half['pushToReplyMs']['p99']:.1f} ms | p99 ≤ 200 ms: {mark(half['pushToReplyMs']['p99'] <= 200)} |
{in_step}| service RSS under load (max) | {peak['rssMbMax']:.0f} MB | ≤ 300 MB: {mark(peak['rssMbMax'] <= 300)} |
| service CPU under load (average, 100 % = one core) | {peak['cpuPercentAvg']:.0f} % | — |
| start-up to ready (process start → /q/health/ready), with the class archive of the first start | {int(startup_ms) / 1000:.1f} s (Quarkus: {quarkus_start} s) | ≤ 3 s: {mark(int(startup_ms) <= 3000)} |""")
if os.environ.get("FIRST_START_MS"):
    print(f"| first start: no class archive yet{'' if os.environ.get('BENCH_FROM') == 'data' else ', migrating an empty database'} | {int(os.environ['FIRST_START_MS']) / 1000:.1f} s | — |")
for name, label in [("inbox", "inbox page (open cases of a unit, newest first, 50)"),
                    ("inbox-next-page", "inbox, a later page (keyset)"),
                    ("progress", "a resident's progress query"),
                    ("messages", "a resident's conversation (50 messages)"),
                    ("figures", "supervisor figures, 30 days by unit")]:
    if name in queries:
        p50, p95 = queries[name]
        print(f"| SQL alone: {label} at {int(cases):,} cases / {int(messages):,} messages, p50 / p95 | {p50:.2f} / {p95:.2f} ms | — |")
for name, label, target in [
        ("inbox-page", "console inbox page over HTTP (signed in, every case, counts and first 50)", 50),
        ("inbox-unit", "console inbox of one unit's cases in progress over HTTP", 50),
        ("inbox-next-page", "console inbox, the next page over HTTP (keyset cursor)", 50),
        ("progress", "a resident's progress: 我的诉求 typed on the phone until the list of their cases is shown", 50),
        ("figures", "supervisor figures API, 30 days by unit", 100),
        ("dashboard", "supervisor dashboard page (30 days: rates, daily trend, units, overdue, hot spots)", 100)]:
    if name in http:
        p50, p95 = http[name]
        goal = f"p95 ≤ {target} ms: {mark(p95 <= target)}" if target else "—"
        print(f"| {label} at {int(cases):,} cases, p50 / p95 | {p50:.1f} / {p95:.1f} ms | {goal} |")
notice_path = os.path.join(work, "notice.json")
if os.path.exists(notice_path):
    n = load("notice.json")
    p = n["progress"]
    rate = p["sent"] / (n["sendMs"] / 1000) if n["sendMs"] else 0
    allowed = n["carrierQuotaPerSecond"] / 2
    print(f"| notice to {p['recipients']:,} residents through the mock carrier: composed (audience resolved, recipients stored) | {n['composeMs'] / 1000:.1f} s | — |")
    print(f"| the same notice sent: {p['sent']:,} sent ({p['delivered']:,} delivered, {p['displayed']:,} displayed, {p['failed']:,} failed), state {n['state']} | {n['sendMs'] / 1000:.0f} s, {rate:.0f} sends/s; {n['quotaRefusals']} quota refusals, {n['duplicates']} duplicates at the carrier | ≤ {allowed:.0f}/s (half the carrier's {n['carrierQuotaPerSecond']}/s): {mark(n['quotaRefusals'] == 0 and rate <= allowed * 1.05)} |")
else:
    print("| notice to 100,000 residents through the mock carrier | not measured in this run | within the carrier quota |")
print("""
Errors at maximum load: """ + json.dumps(peak["errorKinds"], ensure_ascii=False) + """.
Raw driver output: `target/bench/*.json`; query timings are PostgreSQL's own execution times (`explain analyze`), 20 runs each.
""")
