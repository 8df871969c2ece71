#!/usr/bin/env python3
"""How many of 30 hand-checked events of the Korean Wikinews corpus sageon gets right.

tests/data/wikinews_events.tsv names, for each event, its document, the trigger word and which
occurrence of it in the text, the expected type, date and actors with roles (see the comments at the
top of that file). This runs `sageon events` once over ../shared/corpus/wikinews_ko.jsonl, finds
sageon's event for each row, prints a table and fails when the share of rows sageon gets entirely
right drops below the floor: a regression test for events on real news, not a target.

A row is right when the event is found, its type is right, its date falls inside the expected one,
and every expected actor is there with the expected role. Extra actors are allowed: the fixture
lists the actors a journalist needs, not every name the sentence holds.

Exit code 77 (skipped) when ../shared/corpus/wikinews_ko.jsonl is absent."""
import argparse
import json
import os
import subprocess
import sys
import unittest

ARGS = None

# Measured: 13 of 30 rows right when the fixture was written (0.433; found 21, type 21, date 17,
# actors 15); 16 of 30 (0.533; found 27, type 27, date 23, actors 19) once the lead of an article
# dated undated events and a sentence without a subject took the previous topic. The floor is that
# minus 0.05, so that losing two rows fails the test.
MEASURED_SHARE_RIGHT = 16 / 30
FLOOR = MEASURED_SHARE_RIGHT - 0.05

ROLES = {"agent", "patient", "recipient", "role", "co-actor", "participant"}


def corpus_path():
    return os.path.join(ARGS.source, "..", "shared", "corpus", "wikinews_ko.jsonl")


def data_rows(path):
    """The rows of a TSV file with a header line and `#` comments, as dicts by column name."""
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) != len(header):
                raise ValueError(f"{path}:{number}: {len(cells)} cells, header has {len(header)}")
            rows.append(dict(zip(header, cells), line=number))
    return rows


def parse_actors(cell):
    actors = []
    for item in cell.split("|"):
        name, _, role = item.rpartition(":")
        actors.append((name, role))
    return actors


def date_values(date):
    """The ISO values an event's date spans: one value, or both ends of an interval (None when an
    end is open)."""
    if date is None:
        return [None]
    if date.get("type") == "interval":
        return [(date.get(end) or {}).get("value") for end in ("from", "to")]
    return [date.get("value")]


def date_text(date):
    values = date_values(date)
    return values[0] if len(values) == 1 else f"{values[0]}..{values[1]}"


def within(value, expected):
    """True when the ISO value lies inside the expected period: 2009-11-10T18 within 2009-11-10."""
    if value is None or not value.startswith(expected):
        return False
    return len(value) == len(expected) or value[len(expected)] in "-T"


def nth_occurrence(text, word, n):
    at = -1
    for _ in range(n):
        at = text.find(word, at + 1)
        if at < 0:
            return None
    return at


def find_event(row, text, events):
    """sageon's event for a row: in the sentence holding the row's occurrence of the trigger, the
    event whose trigger text contains or is contained in the row's trigger. When the sentence holds
    the trigger more than once (a title merged with the first sentence), events are taken in the
    order of their triggers, which is the order sageon prints them."""
    trigger = row["trigger"]
    at = nth_occurrence(text, trigger, int(row["occurrence"]))
    if at is None:
        return None
    for event in events:
        sentence = event["sentence"]
        if not sentence["start"] <= at < sentence["end"]:
            continue
        candidates = [e for e in events if e["sentence"]["start"] == sentence["start"] and
                      (e["trigger_text"] in trigger or trigger in e["trigger_text"])]
        if not candidates:
            return None
        before = text[sentence["start"]:at].count(trigger)
        return candidates[min(before, len(candidates) - 1)]
    return None


def score(row, event):
    """found, type, date, actors: whether each part of the row is right."""
    if event is None:
        return False, False, False, False
    type_right = event["type"] == row["type"]
    date_right = all(within(v, row["date"]) for v in date_values(event.get("date")))
    have = {(a["name"], a["role"]) for a in event["actors"]}
    actors_right = all(actor in have for actor in parse_actors(row["actors"]))
    return True, type_right, date_right, actors_right


class WikinewsEvents(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rows = data_rows(os.path.join(ARGS.source, "tests", "data", "wikinews_events.tsv"))
        cls.texts = {}
        with open(corpus_path(), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    doc = json.loads(line)
                    cls.texts[doc["id"]] = doc["text"]
        proc = subprocess.run(
            [ARGS.sageon, "events", "--input-format", "jsonl", "--quiet", corpus_path()],
            capture_output=True, text=True, encoding="utf-8", cwd=ARGS.source)
        if proc.returncode != 0:
            raise AssertionError(f"sageon events exited {proc.returncode}: {proc.stderr[-2000:]}")
        cls.events = {}
        for line in proc.stdout.splitlines():
            if line.strip():
                event = json.loads(line)
                cls.events.setdefault(event["doc"], []).append(event)

    def test_fixture_is_well_formed(self):
        types = {r["type"] for r in data_rows(
            os.path.join(ARGS.source, "dictionaries", "event_triggers.tsv"))}
        per_doc = {}
        self.assertEqual(len(self.rows), 30)
        for row in self.rows:
            where = f"wikinews_events.tsv:{row['line']}"
            self.assertIn(row["doc"], self.texts, where)
            self.assertIsNotNone(
                nth_occurrence(self.texts[row["doc"]], row["trigger"], int(row["occurrence"])),
                f"{where}: occurrence {row['occurrence']} of {row['trigger']} is not in the text")
            self.assertIn(row["type"], types, where)
            self.assertRegex(row["date"], r"^\d{4}(-\d{2}(-\d{2})?)?$", where)
            for name, role in parse_actors(row["actors"]):
                self.assertTrue(name, where)
                self.assertIn(role, ROLES, where)
            per_doc[row["doc"]] = per_doc.get(row["doc"], 0) + 1
        self.assertLessEqual(max(per_doc.values()), 2, "at most two events per article")

    def test_share_right_holds(self):
        totals = [0, 0, 0, 0, 0]
        lines = [f"{'row':<4} {'doc':<14} {'trigger':<6} {'found':<5} {'type':<5} {'date':<5} "
                 f"{'actors':<6} sageon"]
        for number, row in enumerate(self.rows, 1):
            text = self.texts[row["doc"]]
            event = find_event(row, text, self.events.get(row["doc"], []))
            parts = score(row, event)
            right = all(parts)
            for i, part in enumerate((*parts, right)):
                totals[i] += part
            if event is None:
                got = "-"
            else:
                actors = "|".join(f"{a['name']}:{a['role']}" for a in event["actors"])
                got = f"{event['type']} {date_text(event.get('date'))} {actors}"
            marks = ["yes" if p else "no" for p in parts]
            lines.append(f"{number:<4} {row['doc']:<14} {row['trigger']:<6} {marks[0]:<5} "
                         f"{marks[1]:<5} {marks[2]:<5} {marks[3]:<6} {got}")
        n = len(self.rows)
        names = ("found", "type", "date", "actors", "all right")
        lines.append("share: " + ", ".join(f"{name} {t}/{n} = {t / n:.3f}"
                                           for name, t in zip(names, totals)))
        print("\n" + "\n".join(lines), flush=True)
        share_right = totals[4] / n
        self.assertGreaterEqual(
            share_right, FLOOR - 1e-9,
            f"share right {share_right:.3f} fell below the floor {FLOOR:.3f} "
            f"(measured {MEASURED_SHARE_RIGHT:.3f} when the fixture was written)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sageon", required=True)
    parser.add_argument("--source", required=True)
    ARGS, rest = parser.parse_known_args()
    ARGS.sageon = os.path.abspath(ARGS.sageon)
    ARGS.source = os.path.abspath(ARGS.source)
    if not os.path.exists(corpus_path()):
        print(f"skipped: {os.path.normpath(corpus_path())} is absent (the Wikinews corpus beside the checkout)")
        sys.exit(77)
    unittest.main(argv=[sys.argv[0], *rest], verbosity=2)
