"""Times what staff and residents wait for at data scale, over HTTP against the running service.

Prints one line per figure, "name p50 p95" in milliseconds (the format bench/report.py reads):
  inbox-page        the console inbox (signed in as the bench admin, who sees every case), first page
  inbox-unit        the inbox filtered to one unit's open cases, as a department handler works it
  inbox-next-page   the page after the first (keyset paging, the cursor taken from the page's own link)
  figures           the supervisor figures API, 30 days by unit
  dashboard         the supervisor dashboard page (30 days: rates, the daily trend, units, overdue, hot spots)
  progress          a resident with five cases, at the menu, types 我的诉求 on the mock carrier's phone: from
                    the push until the list of their cases is on the phone

usage: python3 bench/http_timings.py SERVICE_URL MOCK_URL ADMIN_PASSWORD PHONE [RUNS] [NAMES]
NAMES, comma-separated, times only those (bench/measure-figures: figures,dashboard). Standard library only.
"""
import base64
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone

service, mock, password, phone = sys.argv[1:5]
runs = int(sys.argv[5]) if len(sys.argv) > 5 else 20
only = set(sys.argv[6].split(",")) if len(sys.argv) > 6 else None

jar = http.cookiejar.CookieJar()
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
plain = urllib.request.build_opener()


def timed(opener, request):
    start = time.perf_counter()
    with opener.open(request, timeout=60) as response:
        body = response.read()
    return (time.perf_counter() - start) * 1000, body


def report(name, times):
    times = sorted(times)
    p50 = times[len(times) // 2]
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(name, round(p50, 2), round(p95, 2), flush=True)


def series(name, opener, make_request, warmup=3):
    if only is not None and name not in only:
        return
    for _ in range(warmup):
        timed(opener, make_request())
    report(name, [timed(opener, make_request())[0] for _ in range(runs)])


# sign in on the console's form, as a person would
form = urllib.parse.urlencode({"j_username": "admin", "j_password": password}).encode()
browser.open(urllib.request.Request(f"{service}/console/login"), timeout=60).read()
csrf = next((c.value for c in jar if c.name == "minhu-csrf"), "")
browser.open(urllib.request.Request(f"{service}/j_security_check?_csrf={csrf}", data=form), timeout=60).read()
if not any(c.name == "minhu-session" for c in jar):
    sys.exit("could not sign in to the console as admin")

series("inbox-page", browser, lambda: urllib.request.Request(f"{service}/console"))
unit = urllib.parse.quote("坂田街道城市建设办公室")
series("inbox-unit", browser, lambda: urllib.request.Request(f"{service}/console?unit={unit}&state=IN_PROGRESS"))
if only is None or "inbox-next-page" in only:
    _, first = timed(browser, urllib.request.Request(f"{service}/console"))
    link = re.search(r'href="(/console\?[^"]*after=[^"]*)"', first.decode())
    if link is None:
        sys.exit("the inbox page has no next-page link")
    next_url = service + link.group(1).replace("&amp;", "&")
    series("inbox-next-page", browser, lambda: urllib.request.Request(next_url))

auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()
now = datetime.now(timezone.utc)
period = urllib.parse.urlencode({"from": (now - timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                                 "to": now.strftime("%Y-%m-%dT%H:%M:%SZ"), "by": "UNIT"})
series("figures", plain, lambda: urllib.request.Request(f"{service}/api/cases/figures?{period}",
                                                          headers={"Authorization": auth}))
series("dashboard", browser, lambda: urllib.request.Request(f"{service}/console/dashboard"))


def say(text, until=None):
    """Types a text on the phone; answers the bot's first reply to it, or the first that contains {until}."""
    body = json.dumps({"text": text}).encode()
    quoted = urllib.parse.quote(phone)
    with plain.open(urllib.request.Request(f"{mock}/sim/phones/{quoted}/text", data=body,
                                           headers={"content-type": "application/json"}), timeout=60) as r:
        seq = json.loads(r.read())["seq"]
    for _ in range(4):
        with plain.open(f"{mock}/sim/phones/{quoted}/next?after={seq}&timeoutMs=10000", timeout=60) as r:
            answer = json.loads(r.read())
        if until is None or until in json.dumps(answer, ensure_ascii=False):
            return answer
        seq = answer["seq"]
    sys.exit(f"no reply to {text} showed {until}")


def progress_turn():
    """From the menu, 我的诉求: from the push until the list of the resident's cases is on the phone."""
    say("菜单")
    start = time.perf_counter()
    say("我的诉求", until="MB-")
    return (time.perf_counter() - start) * 1000


if only is None or "progress" in only:
    for _ in range(3):
        progress_turn()
    report("progress", [progress_turn() for _ in range(runs)])
