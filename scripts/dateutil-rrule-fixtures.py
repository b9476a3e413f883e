#!/usr/bin/env python3
"""Writes packages/core/src/calendar/__fixtures__/dateutil-rrules.json: random RFC 5545
RRULEs expanded by python-dateutil (the reference), for the differential test in
recurrence.test.ts. Not run by CI (it needs python3 and python-dateutil); rerun it by hand:

    pip install python-dateutil && python3 scripts/dateutil-rrule-fixtures.py

Each case is expanded the way queue slots are: python-dateutil's rrule on wall-clock time
from DTSTART (a naive datetime), each wall time then placed in the account zone with
zoneinfo's fold=0 (RFC 5545 §3.3.5: a time in a DST gap takes the offset before the
transition; a repeated time, the first), UNTIL applied to the instants (inclusive), instants
de-duplicated. Rules python-dateutil refuses ("generates an empty set") are kept with
`error`; rules RFC 5545 forbids (a position in BYDAY with BYWEEKNO) are not generated.
"""
import json
import random
import signal
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

SEED = 20261205
CASES = 400
OUT = Path(__file__).resolve().parent.parent / 'packages/core/src/calendar/__fixtures__/dateutil-rrules.json'
DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']
ZONES = ['UTC', 'Europe/Bucharest', 'America/New_York', 'Australia/Lord_Howe', 'America/Sao_Paulo', 'Asia/Kathmandu']
# Window per frequency, so a case lists tens of slots, not thousands.
SPAN = {'YEARLY': 1200, 'MONTHLY': 400, 'WEEKLY': 150, 'DAILY': 60, 'HOURLY': 4, 'MINUTELY': 0.25}

rng = random.Random(SEED)


def some(values, most):
    return list(dict.fromkeys(rng.choice(values) for _ in range(rng.randint(1, most))))


def random_rule():
    freq = rng.choice(list(SPAN))
    parts = [f'FREQ={freq}']
    if rng.random() < 0.4:
        parts.append(f'INTERVAL={rng.randint(1, 4)}')
    if rng.random() < 0.3:
        parts.append(f'WKST={rng.choice(DAYS)}')
    if rng.random() < 0.35 and freq in ('YEARLY', 'HOURLY', 'MINUTELY', 'DAILY'):
        parts.append('BYMONTH=' + ','.join(map(str, some(range(1, 13), 3))))
    weekno = rng.random() < 0.2 and freq == 'YEARLY'
    if weekno:
        parts.append('BYWEEKNO=' + ','.join(map(str, some([1, 2, 10, 20, 26, 52, 53, -1, -2], 2))))
    if rng.random() < 0.2 and freq in ('YEARLY', 'HOURLY', 'MINUTELY'):
        parts.append('BYYEARDAY=' + ','.join(map(str, some([1, 2, 59, 60, 100, 200, 365, 366, -1, -366], 2))))
    if rng.random() < 0.3 and freq != 'WEEKLY':
        parts.append('BYMONTHDAY=' + ','.join(map(str, some([1, 2, 13, 15, 28, 29, 30, 31, -1, -2, -31], 2))))
    if rng.random() < 0.5:
        positioned = freq in ('MONTHLY', 'YEARLY') and not weekno and rng.random() < 0.5
        parts.append('BYDAY=' + ','.join((rng.choice(['1', '2', '3', '-1', '-2', '5']) if positioned else '') + d for d in some(DAYS, 3)))
    fine = freq in ('HOURLY', 'MINUTELY')
    if rng.random() < (0.3 if fine else 0.7):
        parts.append('BYHOUR=' + ','.join(map(str, some([0, 6, 9, 12, 17, 23], 2))))
    if rng.random() < (0.3 if freq == 'MINUTELY' else 0.7):
        parts.append('BYMINUTE=' + ','.join(map(str, some([0, 15, 30, 45], 2))))
    if rng.random() < 0.15:
        parts.append('BYSETPOS=' + ','.join(map(str, some([1, 2, 3, -1, -2], 2))))
    if rng.random() < 0.3:
        parts.append(f'COUNT={rng.randint(1, 20)}')
    elif rng.random() < 0.3:
        until = datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(days=rng.randint(30, 700), hours=rng.randint(0, 23))
        parts.append('UNTIL=' + until.strftime('%Y%m%dT%H%M%SZ'))
    return freq, parts


def iso(instant):
    return instant.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')


class Slow(Exception):
    pass


def on_alarm(*_):
    raise Slow()


signal.signal(signal.SIGALRM, on_alarm)
cases = []
while len(cases) < CASES:
    freq, parts = random_rule()
    zone = rng.choice(ZONES)
    start = datetime(2026, rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.choice([0, 15, 30, 45]))
    # The window starts a little before DTSTART or well after it (then COUNT and INTERVAL phases matter).
    begin = start + timedelta(days=rng.choice([-2, 0, 3, 40]))
    end = begin + timedelta(days=SPAN[freq])
    body = ';'.join(p for p in parts if not p.startswith('UNTIL='))
    until = next((datetime.strptime(p[6:], '%Y%m%dT%H%M%SZ').replace(tzinfo=timezone.utc) for p in parts if p.startswith('UNTIL=')), None)
    tz = ZoneInfo(zone)
    frm = begin.replace(tzinfo=timezone.utc)
    to = end.replace(tzinfo=timezone.utc)
    case = {'rrule': ';'.join(parts), 'start': start.strftime('%Y-%m-%dT%H:%M'), 'zone': zone, 'from': iso(frm), 'to': iso(to)}
    signal.alarm(2)
    try:
        rule = rrulestr(body, dtstart=start)
        # Wall times two days either side cover every offset; instants are then cut to [from, to).
        instants = set()
        for wall in rule.between(begin - timedelta(days=2), end + timedelta(days=2), inc=True):
            instant = wall.replace(tzinfo=tz).astimezone(timezone.utc)
            if frm <= instant < to and (until is None or instant <= until):
                instants.add(instant)
        case['slots'] = [iso(i) for i in sorted(instants)]
    except Slow:
        continue  # python-dateutil searches to year 9999 for a rule that never matches
    except ValueError as error:
        case['error'] = str(error)
    finally:
        signal.alarm(0)
    cases.append(case)

OUT.parent.mkdir(parents=True, exist_ok=True)
# One case per line, so a regenerated file diffs case by case.
lines = ',\n'.join(json.dumps(case, separators=(',', ':')) for case in cases)
OUT.write_text(f'{{"generator":"scripts/dateutil-rrule-fixtures.py","seed":{SEED},"cases":[\n{lines}\n]}}\n')
print(f'{len(cases)} cases ({sum("error" in c for c in cases)} refused) → {OUT}')
