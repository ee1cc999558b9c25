"""Load test of `eventcoder serve` on loopback: a synthetic store, many clients, /api/events with varied filters.

Builds a synthetic store of N events (default 100,000: ten countries, six event types,
four years of dates, one source article per two events), starts `eventcoder serve` on it
in its own process on 127.0.0.1, then runs C clients (default 50) that each send one
request every 1/R seconds (default R = 2, so 100 requests a second in all, paced, not
back to back) for D seconds (default 60) to /api/events with filters drawn at random
(country, admin1, event type, sub-type, actor search, fatalities, sources, date ranges,
sort keys, pages, and some GeoJSON map pages). Prints requests, errors, the achieved rate
and latency percentiles (time from sending a request to reading the whole answer), and
the machine. Sends traffic to 127.0.0.1 only and stops by itself.

Usage: python scripts/loadtest.py [--events 100000] [--clients 50] [--rate 2] [--seconds 60] [--db PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = {  # code: (lat, lon, [admin1 ...])
    "IQ": (33.3, 44.4, ["Baghdad", "Nineveh", "Kirkuk", "Diyala"]),
    "SY": (35.0, 38.5, ["Aleppo", "Idlib", "Deir ez-Zor", "Homs"]),
    "NG": (9.1, 7.5, ["Borno", "Zamfara", "Kaduna", "Lagos"]),
    "ML": (14.5, -4.0, ["Mopti", "Gao", "Timbuktu", "Bamako"]),
    "SO": (4.0, 45.3, ["Banadir", "Bay", "Lower Shabelle", "Hiraan"]),
    "SD": (15.5, 32.5, ["Khartoum", "North Darfur", "West Darfur", "Kordofan"]),
    "ET": (9.0, 38.7, ["Amhara", "Oromia", "Tigray", "Afar"]),
    "BF": (12.4, -1.5, ["Sahel", "Centre-Nord", "Est", "Nord"]),
    "CD": (-1.7, 29.2, ["North Kivu", "South Kivu", "Ituri", "Kinshasa"]),
    "YE": (15.4, 44.2, ["Sanaa", "Marib", "Taiz", "Hodeidah"]),
}
TYPES = [("Battles", "Armed clash"), ("Battles", "Government regains territory"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Violence against civilians", "Attack"),
         ("Violence against civilians", "Abduction/forced disappearance"), ("Protests", "Peaceful protest"),
         ("Riots", "Violent demonstration"), ("Strategic developments", "Looting/property destruction")]
ACTORS = ["Islamic State", "al-Shabaab", "Military Forces of Iraq", "Military Forces of Nigeria", "JNIM",
          "Rapid Support Forces", "Military Forces of Sudan", "Fano Militia", "M23", "Houthi Movement",
          "Unidentified Armed Group", "Civilians", "Protesters", "Police Forces", "Boko Haram"]


def build_store(path: Path, n: int) -> None:
    """A store of ``n`` synthetic events (deterministic), with one article per two events."""
    import duckdb

    from eventcoder.store import Store

    Store(path).close()  # the schema
    con = duckdb.connect(str(path))
    con.execute("CREATE TEMP MACRO h(a, b) AS CAST(hash(a, b) % 1000003 AS BIGINT)")  # a deterministic draw
    q = lambda xs: "[" + ", ".join("'" + x.replace("'", "''") + "'" for x in xs) + "]"  # noqa: E731
    codes = list(COUNTRIES)
    lats = ", ".join(str(COUNTRIES[c][0]) for c in codes)
    lons = ", ".join(str(COUNTRIES[c][1]) for c in codes)
    admin1 = "[" + ", ".join(q(COUNTRIES[c][2]) for c in codes) + "]"
    con.execute(f"""
        INSERT INTO events
        SELECT printf('syn%08d', i) AS event_id,
               {q([t for t, _ in TYPES])}[1 + h(i, 1) % {len(TYPES)}] AS event_type,
               {q([s for _, s in TYPES])}[1 + h(i, 1) % {len(TYPES)}] AS sub_event_type,
               strftime(DATE '2020-01-01' + CAST(h(i, 2) % 1461 AS INTEGER), '%Y-%m-%d') AS event_date,
               1 + h(i, 3) % 3 AS time_precision,
               {q(ACTORS)}[1 + h(i, 4) % {len(ACTORS)}] AS actor1, 1 + h(i, 4) % 8 AS inter1, NULL,
               {q(ACTORS)}[1 + h(i, 5) % {len(ACTORS)}] AS actor2, 1 + h(i, 5) % 8 AS inter2, NULL, NULL,
               {q(codes)}[1 + h(i, 6) % {len(codes)}] AS country,
               {admin1}[1 + h(i, 6) % {len(codes)}][1 + h(i, 7) % 4] AS admin1, NULL,
               'Place ' || (h(i, 8) % 500) AS location,
               [{lats}][1 + h(i, 6) % {len(codes)}] + (h(i, 9) % 400) / 100.0 - 2 AS latitude,
               [{lons}][1 + h(i, 6) % {len(codes)}] + (h(i, 10) % 400) / 100.0 - 2 AS longitude,
               NULL, 1 + h(i, 11) % 3 AS geo_precision,
               CASE WHEN h(i, 12) % 3 = 0 THEN 0 ELSE h(i, 13) % 40 END AS fatalities,
               NULL, NULL, 1 + CAST(h(i, 14) % 10 = 0 AS INTEGER) AS number_of_sources,
               'synthetic event ' || i AS notes, 0.8
        FROM range({n}) t(i)""")
    con.execute(f"""
        INSERT INTO articles (article_key, doc_id, url, outlet, published, title, text, relevant)
        SELECT 'https://synthetic.example/' || i, 'a' || i, 'https://synthetic.example/' || i, 'synthetic.example',
               strftime(DATE '2020-01-01' + CAST(h(i, 2) % 1461 AS INTEGER), '%Y-%m-%d'), 'Synthetic report ' || i,
               'Synthetic report ' || i || '. Gunmen attacked a village on Monday, killing several people, officials said.',
               TRUE
        FROM range({n // 2}) t(i)""")
    con.execute("""
        INSERT INTO event_sources
        SELECT e.event_id, 'https://synthetic.example/' || (CAST(substr(e.event_id, 4) AS BIGINT) // 2),
               'synthetic.example', NULL, e.fatalities, NULL,
               '[{"field": "sub_event_type", "start": 0, "end": 9, "text": "Synthetic"}]'
        FROM events e""")
    con.close()


def random_query(rng: random.Random) -> dict[str, str]:
    """Filters as a user of the page would combine them."""
    params: dict[str, str] = {}
    if rng.random() < 0.5:
        code = rng.choice(list(COUNTRIES))
        params["country"] = code
        if rng.random() < 0.3:
            params["admin1"] = rng.choice(COUNTRIES[code][2])
    if rng.random() < 0.4:
        t, s = rng.choice(TYPES)
        params["event_type"] = t
        if rng.random() < 0.4:
            params["sub_event_type"] = s
    if rng.random() < 0.25:
        params["actor"] = rng.choice(["islamic", "shabaab", "military", "fano", "police", "unidentified", "rsf"])
    if rng.random() < 0.3:
        params["min_fatalities"] = str(rng.choice([1, 5, 10, 25]))
    if rng.random() < 0.1:
        params["min_sources"] = "2"
    if rng.random() < 0.4:
        y = rng.choice([2020, 2021, 2022, 2023])
        m = rng.randint(1, 12)
        params["since"] = f"{y}-{m:02d}-01"
        params["until"] = f"{y + rng.choice([0, 1])}-{m:02d}-28"
    params["sort"] = rng.choice(["event_date", "event_date", "fatalities", "number_of_sources", "country", "actor1"])
    params["order"] = rng.choice(["asc", "desc"])
    params["page"] = str(rng.choice([1, 1, 1, 2, 3, 10]))
    if rng.random() < 0.05:  # the map's layer
        params.update(format="geojson", page_size="1000")
    return params


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, target: str) -> tuple[int, bytes]:
    """One HTTP/1.1 GET on a kept-alive connection: (status, body). A small client, so that the
    load generator spends little of the machine's two cores."""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(int(h.split(":", 1)[1]) for h in lines[1:] if h.lower().startswith("content-length:"))
    return status, await reader.readexactly(length)


async def client(port: int, k: int, rate: float, seconds: float, t0: float, lat: list[tuple[str, float]],
                 errors: list[str], late: list[float]) -> None:
    from urllib.parse import urlencode

    rng = random.Random(k)
    period = 1.0 / rate
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    n = 0
    offset = rng.random() * period  # clients do not send in step
    try:
        while True:
            due = t0 + offset + n * period
            if due - t0 >= seconds:
                return
            now = time.perf_counter()
            if due > now:
                await asyncio.sleep(due - now)
            else:
                late.append(now - due)
            params = random_query(rng)
            start = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(_get(reader, writer, "/api/events?" + urlencode(params)), 10)
                if status != 200:
                    errors.append(f"HTTP {status}: {body[:120]!r}")
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, StopIteration) as err:
                errors.append(f"{type(err).__name__}: {err}")
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            lat.append((params.get("format", "json"), time.perf_counter() - start))
            n += 1
    finally:
        writer.close()


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--rate", type=float, default=2.0, help="requests a second per client")
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--db", type=Path, help="use this store instead of building a synthetic one")
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="eventcoder-load-"))
    db = args.db
    if db is None:
        db = tmp / "synthetic.duckdb"
        t = time.perf_counter()
        build_store(db, args.events)
        print(f"synthetic store: {args.events:,} events, {db.stat().st_size / 2**20:.0f} MiB, "
              f"built in {time.perf_counter() - t:.1f} s")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("eventcoder")
    server = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(base + "/api/status", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.time() > deadline or server.poll() is not None:
                sys.exit(f"loadtest: the server did not start: {server.stderr.read() if server.stderr else ''}")
            time.sleep(0.2)
        httpx.get(base + "/api/events", timeout=30)  # warm the copy's cache
        lat: list[tuple[str, float]] = []
        errors: list[str] = []
        late: list[float] = []

        async def run_all() -> None:
            t0 = time.perf_counter() + 0.5
            await asyncio.gather(*(client(port, k, args.rate, args.seconds, t0, lat, errors, late)
                                   for k in range(args.clients)))

        t = time.perf_counter()
        asyncio.run(run_all())
        wall = time.perf_counter() - t
    finally:
        server.terminate()
        server.wait(timeout=10)
    ms = [x * 1000 for _, x in lat]
    print(f"machine: {machine()}")
    print(f"{args.clients} clients x {args.rate:g} req/s for {args.seconds:g} s against /api/events (varied filters)")
    print(f"requests: {len(ms):,} in {wall:.1f} s ({len(ms) / wall:.1f}/s); errors: {len(errors)}; "
          f"sent more than 50 ms late: {sum(1 for x in late if x > 0.05)}")
    print(f"latency ms: p50 {statistics.median(ms):.1f}, p90 {percentile(ms, 90):.1f}, p99 {percentile(ms, 99):.1f}, "
          f"max {max(ms):.1f}")
    for kind, label in (("json", "table pages (50 rows)"), ("geojson", "map layers (GeoJSON, 1,000 rows)")):
        sub = [x * 1000 for k, x in lat if k == kind]
        if sub:
            print(f"  {label}: {len(sub):,} requests, p50 {statistics.median(sub):.1f}, p99 {percentile(sub, 99):.1f}")
    for e in errors[:5]:
        print("  error:", e)
    ok = not errors and percentile(ms, 99) < 200
    print("PASS: p99 under 200 ms, no error" if ok else "FAIL: p99 at or over 200 ms, or errors")


if __name__ == "__main__":
    main()
