"""Where things are and the page-side instrumentation (init scripts) every phase shares."""

from __future__ import annotations

from pathlib import Path

from tests.browser.harness import MAP_IFRAME

REPO_ROOT = Path(__file__).resolve().parents[2]

RESULTS_DIR = REPO_ROOT / "bench" / "results"
FLOOR_APP = REPO_ROOT / "scripts" / "bench_floor_app.py"
SESSION_TTL_S = 5
MIN_MAP_PATHS = 11  # the 11 zone polygons
STABLE_MS = 300  # readiness must hold this long (late deltas, lazy chunks) before a load sample is taken
INTERACTIVE = "interactive=1"  # the query that opens a map page with its Leaflet map instead of the drawn one
SETTLE_MS = 600  # after an interaction: time for a second (unwanted) run to show up in the run log
SEARCH_TERMS = ("ciclabil", "montagna", "scuol", "turism", "energi", "acqua", "digital", "citta", "lavoro", "sanit")
CURRENT, BASELINE, FLOOR = "current", "baseline", "floor"

# Second init script (the harness's INIT_JS counts runs and logs script-state changes with oldValue).
# Records pointerdown/Enter times, the map signature (count + fills of the first map's paths) on every
# change, and when the page is interactive: script done, every st_folium map drawn, every plotly chart drawn.
BENCH_JS = """
(() => {
  if (window.top !== window) return;
  const B = window.__bench = {clicks: [], enters: [], mapSig: [], firstReady: null, firstCounts: null,
                              readySince: null, counts: null, connected: null, scriptDone: null, mounts: 0};
  document.addEventListener('pointerdown', () => B.clicks.push(performance.now()), true);
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') B.enters.push(performance.now()); }, true);
  B.lastChange = null;  // the last change of the page's content (for runs too fast for the script-state attribute)
  new MutationObserver(() => { B.lastChange = performance.now(); })
    .observe(document, {subtree: true, childList: true, characterData: true});
  let last;
  setInterval(() => {
    const now = performance.now();
    const app = document.querySelector("[data-testid='stApp']");
    const connected = !!app && app.getAttribute('data-test-connection-state') === 'CONNECTED';
    if (connected && B.connected === null) B.connected = now;
    const done = connected && app.getAttribute('data-test-script-state') === 'notRunning'
                 && !document.querySelector("[data-testid='stSkeleton']");
    if (done && B.scriptDone === null) B.scriptDone = now;
    const frames = Array.from(document.querySelectorAll('__IFRAME__'));
    let mapsOk = true, sig = null;
    frames.forEach((f, i) => {
      let ps = [];
      try { ps = f.contentDocument ? f.contentDocument.querySelectorAll('path.leaflet-interactive') : []; }
      catch (e) {}
      if (ps.length < __MIN_PATHS__) mapsOk = false;
      if (i === 0 && ps.length) sig = ps.length + ':' + Array.from(ps).map(p => p.getAttribute('fill')).join(',');
    });
    const plots = Array.from(document.querySelectorAll("[data-testid='stPlotlyChart']"));
    const plotsOk = plots.every(p => !!p.querySelector('.main-svg'));
    const images = Array.from(document.querySelectorAll('img.psm-svg-map'));  // server-drawn maps: decoded
    const imagesOk = images.every(i => i.complete && i.naturalWidth > 0);
    const ready = done && mapsOk && plotsOk && imagesOk;
    const counts = frames.length + '/' + plots.length;
    if (ready) {
      if (B.firstReady === null) { B.firstReady = now; B.firstCounts = counts; }
      if (B.readySince === null || B.counts !== counts) { B.readySince = now; B.counts = counts; }
    } else { B.readySince = null; }
    if (sig !== last) { B.mapSig.push([now, sig]); last = sig; }
    try {  // a new map document (the iframe remounted) gets a new mark
      const w = frames[0] && frames[0].contentWindow;
      if (w && String(w.location.href).includes('streamlit_folium') && !w.__benchMount) w.__benchMount = ++B.mounts;
    } catch (e) {}
  }, 5);
})();
""".replace("__IFRAME__", MAP_IFRAME).replace("__MIN_PATHS__", str(MIN_MAP_PATHS))

_STABLE_JS = f"""() => {{ const B = window.__bench;
  return !!B && B.readySince !== null && performance.now() - B.readySince > {STABLE_MS}; }}"""


