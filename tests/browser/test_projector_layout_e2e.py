"""The projector at 1280×720 and 1920×1080: on every slide, every line of text lies inside the screen and outside
the slide buttons (nothing cut, nothing hidden behind *Indietro*), with a full event behind it: focus zones 1, 2
and 9, closed needs with answers from several zones, long approved texts, outcomes, a table with its verbale.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from psm_data import load_dataset
from psm_data.events.store import EventStore
from psm_data.events.tavoli import TableStore
from tests.browser.harness import screenshot, wait_for_app_ready
from tests.browser.signin import sign_in
from tests.browser.test_events_e2e import store

NEEDS = ["N1.1", "N1.2", "N3.3", "N4.1", "N5.2"]
LONG = ("Servono corse serali dei bus tra le valli e Torino, almeno fino a mezzanotte nei fine settimana, e "
        "coincidenze garantite con i treni regionali: oggi chi lavora la sera non ha alternative all'auto. ") * 2

#: Every text node's boxes that leave the viewport or meet the slide controls (the controls' own text excepted).
TEXT_OUTSIDE = """() => {
  const controls = document.querySelector('.st-key-pr_controls').getBoundingClientRect();
  const W = window.innerWidth, H = window.innerHeight, bad = [];
  const root = document.querySelector('[data-testid="stMain"]') || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    if (!el || el.closest('.st-key-pr_controls, style, script, [data-testid="stSkipLink"]')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || style.opacity === '0') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const b of range.getClientRects()) {
      if (b.width < 1 || b.height < 1) continue;
      const out = b.left < -1 || b.top < -1 || b.right > W + 1 || b.bottom > H + 1;
      const under = b.right > controls.left && b.left < controls.right && b.bottom > controls.top
        && b.top < controls.bottom;
      if (out || under) bad.push(`${out ? 'outside' : 'under the buttons'}: "${node.textContent.trim().slice(0, 50)}"`
        + ` [${Math.round(b.left)}, ${Math.round(b.top)}, ${Math.round(b.right)}, ${Math.round(b.bottom)}]`);
    }
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def full_event() -> tuple[str, int]:
    """An event with everything a slide can show; returns its code and number of slides."""
    s: EventStore = store()
    data = load_dataset()
    event = s.create_event(title="Ascolto delle zone 1, 2 e 9: un titolo lungo come quelli veri", place="Ivrea",
                           event_date="2026-12-06", zone_ids=["1", "2", "9"], need_ids=NEEDS)
    s.set_event_status(event.code, "open")
    s.set_item_status(event.code, NEEDS, "open")
    answers = ("agree", "agree", "partly", "disagree", "unclear")
    for i in range(14):
        token = f"layout-device-{i:04d}-xxxxxxxx"
        s.join(event.code, token, zone_id=("1", "2", "9", "5")[i % 4], role="cittadino")
        for j, need in enumerate(NEEDS):
            s.submit_answer(event.code, token, need, answer=answers[(i + j) % 5], star=j == i % 3)
        if i < 9:
            s.submit_proposal(event.code, token, LONG[: 60 + 50 * i] + f" ({i})", axis_id="3", zone_id="9")
    texts = s.texts_frame([event.code])
    for text_id in texts["text_id"]:
        s.moderate(event.code, int(text_id), "approved")
    tables = TableStore(s, dict(zip(data.needs["need_id"], data.needs["axis_id"], strict=True)))
    tables.create_table(event.code, name="Mobilità, servizi e territorio delle valli", host_name="Giulia",
                        need_ids=["N3.3", "N4.1"])
    for kind, body in (("key_point", LONG[:200]), ("priority", "Corse serali"), ("disagreement", LONG[:150]),
                       ("new_need", "Casa per i giovani nelle valli"), ("key_point", "Coincidenze con i treni")):
        tables.save_note(event.code, 1, kind=kind, body=body, need_id="N3.3" if kind != "new_need" else None,
                         axis_id="5" if kind == "new_need" else None)
    s.set_item_status(event.code, NEEDS[:4], "closed")
    for need, outcome in zip(NEEDS, ("validata", "da_riformulare", "validata", "respinta"), strict=False):
        s.set_outcome(event.code, need, outcome)
    # opening, report, 3 plenary needs (N3.3 and N4.1 are the table's), 1 table, wall, closing
    return event.code, 8


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_every_slide_fits_the_screen(browser: Browser, app_server: str, full_event: tuple[str, int],
                                     size: tuple[int, int]) -> None:
    code, slides = full_event
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, base_url=app_server)
    sign_in(context, app_server)  # the facilitator's signed cookie (a password in the address is not accepted)
    page: Page = context.new_page()
    problems = {}
    try:
        for step in range(1, slides + 1):
            page.goto(f"/presenta?evento={code}&step={step}")
            wait_for_app_ready(page, timeout=60_000)
            expect(page.get_by_text(re.compile(rf"^{step} / {slides}$"))).to_be_visible(timeout=30_000)
            page.wait_for_timeout(600)  # fonts and the map image settle
            found = page.evaluate(TEXT_OUTSIDE)
            if found:
                problems[step] = found
            screenshot(page, f"projector_layout_{size[0]}x{size[1]}_{step}")
    finally:
        context.close()
    assert not problems, "\n".join(f"slide {k}: {v}" for k, v in problems.items())
