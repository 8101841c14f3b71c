"""How long the position paper takes: seed a store with 3 events, 300 participants and 200 approved texts, then
build the DOCX, the PDF and the zip from it and print each step's time (target: ≤ 10 s in all).

    python scripts/bench_paper.py            # a throwaway SQLite store in a temporary folder
    python scripts/bench_paper.py --runs 3   # the build repeated (the first run pays the imports and caches)

`seed_store` is also what the tests use (smaller), so the bench and the tests build from the same kind of data.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from psm_data import load_dataset  # noqa: E402
from psm_data.events.db import Database  # noqa: E402
from psm_data.events.migrate import upgrade  # noqa: E402
from psm_data.events.store import EventStore  # noqa: E402
from psm_data.events.vocabulary import ANSWERS, ROLES  # noqa: E402

PROPOSALS = (
    "Più piste ciclabili tra i comuni della cintura, collegate alle stazioni",
    "Treni più frequenti sulla linea per Chieri e Carmagnola la sera",
    "Banda larga vera nelle valli: a Usseglio il telefono non prende",
    "Sportello unico digitale per le imprese, senza code in comune",
    "Bonificare le aree ex industriali di Settimo e farne parchi",
    "Corsi di formazione per giovani sulle competenze digitali",
    "Case della salute nei comuni montani, con medici fissi",
    "Manutenzione dei sentieri e dei boschi contro il dissesto",
    "Biglietto unico per bus e treni in tutta l'area metropolitana",
    "Spazi di coworking nei piccoli comuni per chi lavora da remoto",
    "Raccolta differenziata porta a porta anche nelle frazioni",
    "Turismo lento: collegare i castelli del Canavese con percorsi ciclabili",
)
COMMENTS = (
    "Va bene, ma servono tempi certi",
    "Non è chiaro chi paga",
    "Importante per le valli, meno per Torino",
    "D'accordo se si coinvolgono i comuni piccoli",
    "Manca il tema dei trasporti serali",
)


def seed_store(store: EventStore, data, *, events: int = 3, participants: int = 300, texts: int = 200,  # noqa: ANN001
               seed: int = 7, extra_texts: tuple[str, ...] = ()) -> list[str]:
    """Create `events` closed events with answers, ★, outcomes and approved texts; returns their codes."""
    rng = random.Random(seed)  # noqa: S311 - reproducible sample data, not secrets
    need_ids = list(data.needs["need_id"])
    zone_ids = list(data.zone_ids)
    axis_of = dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True))
    codes = []
    per_event = [participants // events + (1 if i < participants % events else 0) for i in range(events)]
    texts_per_event = [texts // events + (1 if i < texts % events else 0) for i in range(events)]
    for e in range(events):
        agenda = rng.sample(need_ids, 12)
        event = store.create_event(title=f"Ascolto {e + 1}", event_date=f"2026-11-{10 + e:02d}",
                                   place=["Ivrea", "Pinerolo", "Torino"][e % 3], zone_ids=[zone_ids[(e * 4) % 11]],
                                   need_ids=agenda)
        code = event.code
        codes.append(code)
        store.set_event_status(code, "open")
        store.set_item_status(code, agenda, "open")
        devices = []
        for p in range(per_event[e]):
            origin = "paper" if p % 4 == 3 else "web"
            token = f"sheet-{e}-{p}" if origin == "paper" else f"bench-token-{e:02d}-{p:06d}-xxxxxxxx"
            zone = rng.choice(zone_ids) if rng.random() < 0.85 else None
            role = rng.choice(ROLES) if rng.random() < 0.8 else None
            store.join(code, token, zone_id=zone, role=role, origin=origin)
            devices.append((token, origin))
            starred = set(rng.sample(agenda, 3))
            for need in rng.sample(agenda, rng.randint(4, 10)):
                answer = rng.choices(ANSWERS, weights=(5, 3, 2, 1))[0]
                store.submit_answer(code, token, need, answer=answer, star=need in starred, origin=origin)
        bodies = [("proposal", b) for b in extra_texts] if e == 0 else []
        for i in range(texts_per_event[e] - len(bodies)):
            bodies.append(("comment", COMMENTS[i % len(COMMENTS)]) if i % 3 == 0 else
                          ("proposal", PROPOSALS[i % len(PROPOSALS)] + ("" if i % 5 else "!")))
        for i, (kind, body) in enumerate(bodies):
            token, origin = devices[i % len(devices)]
            need = agenda[i % len(agenda)]
            try:
                if kind == "comment":
                    store.submit_comment(code, token, need, body, origin=origin)
                else:
                    store.submit_proposal(code, token, body, axis_id=axis_of[need],
                                          need_id=need if i % 4 == 0 else None, origin=origin)
            except Exception:  # noqa: BLE001, S112 - a rate-limited or duplicate text: the bench needs most, not all
                continue
        for row in store.texts_frame([code]).itertuples():
            store.moderate(code, int(row.text_id), "approved")
        store.set_item_status(code, agenda, "closed")
        for i, need in enumerate(agenda):
            outcome = ("validata", "validata", "da_riformulare", "respinta")[i % 4]
            store.set_outcome(code, need, outcome, "Da rivedere con i comuni" if outcome == "da_riformulare" else "")
        store.set_event_status(code, "closed")
    return codes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    from psm_data.documents import PaperOptions, build_paper  # noqa: PLC0415 - timed apart from the seeding

    data = load_dataset()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        upgrade(url)
        db = Database(url)
        store = EventStore(db, need_ids=tuple(data.needs["need_id"]), axis_ids=data.axis_ids,
                           zone_ids=data.zone_ids)
        started = time.perf_counter()
        codes = seed_store(store, data)
        texts = store.texts_frame(codes, status="approved")
        print(f"seeded {len(codes)} events, {len(store.answers_frame(codes).groupby(['code', 'device_hash']))} "
              f"participants who answered, {len(texts)} approved texts in {time.perf_counter() - started:.1f} s")
        for run in range(args.runs):
            steps: list[tuple[str, float]] = []
            last = [time.perf_counter(), "read"]  # the step that is running and when it started

            def progress(step: int, total: int, label: str, steps=steps, last=last) -> None:
                now = time.perf_counter()
                if step:
                    steps.append((last[1], now - last[0]))
                last[:] = [now, label]

            started, cpu = time.perf_counter(), time.process_time()
            files = build_paper(data, store, PaperOptions(event_codes=tuple(codes)), progress=progress)
            wall, used = time.perf_counter() - started, time.process_time() - cpu
            detail = ", ".join(f"{label} {s:.2f}" for label, s in steps)
            print(f"run {run + 1}: {wall:.2f} s wall, {used:.2f} s CPU ({detail}); DOCX {len(files.docx) // 1024} KB, "
                  f"PDF {len(files.pdf) // 1024} KB, zip {len(files.figures_zip) // 1024} KB, "
                  f"{len(files.document.tables())} tables")
        db.dispose()


if __name__ == "__main__":
    main()
