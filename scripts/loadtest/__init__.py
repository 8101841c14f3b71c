"""Load test of a listening event: a hall of phones, a presenter view and explorer sessions on one laptop.

Run: ``make loadtest`` (or ``.venv/bin/python scripts/loadtest.py [--configs sqlite,postgres] [--quick]``).
Prints one table and writes ``bench/results/loadtest-<UTC>.json``. About 5-6 minutes for both configurations.

The scenario (issue 10, items 4 and 5), per configuration:
- N participants (default 100) arrive over 60 s, each a simulated phone speaking Streamlit's websocket protocol
  (scripts/stclient.py: the script really runs per phone): open ``/partecipa?evento=CODE`` (the HTTP GET gives the
  device cookie), optionally declare zone and role, start, then answer the agenda at a human pace (think time
  between taps: choose an answer, sometimes a ★ or a comment, save);
- when everyone has answered the agenda, the facilitator opens one more need and everyone answers it within
  10 s (the burst);
- one presenter view (``/presenta?evento=CODE``) refreshes by itself throughout (its ``st.fragment(run_every)``);
- M explorer sessions (default 50) browse next to them: open /mappa, change the strategy three times, open
  /copertura, back to /mappa, … with think times, until the end.
Measured: tap → stored (save sent → its run finished), presenter refresh latency, ``/_stcore/health`` latency every
0.25 s for the whole run (and during the burst), server CPU and RSS (psutil over each server's process tree; and the
PostgreSQL server's), the load generator's own CPU, errors, explorer run latencies; then every answer the phones
saw stored is looked up in the database (directly, not through the app): none lost, none duplicated, none altered.

Configurations: ``sqlite`` (one server, a SQLite file) and ``postgres`` (two servers sharing a throwaway PostgreSQL,
clients split between them; same cookie secret, as behind a sticky proxy).

The phones drive the real pages/participate.py (through scripts/serve.py, with the device-cookie middleware);
its widget keys (`ans_<need>`, `star_<need>`, `com_<need>`, `save_<need>`, form `profile`, `p_refresh`) are kept
stable for this test. An answer is stored by its tap (the radio's on_change), so "tap → stored" is that run. Until
/presenta exists, the facilitator's live agenda (`st.fragment(run_every=5)`) is the refreshing view.
"""
