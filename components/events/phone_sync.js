// The phone's memory and its ear on the room (components/events/phone_sync.py mounts it; no CDN, no iframe).
// 1. Keeps every answer, comment and proposal the server has not confirmed in localStorage, so a reload or a
//    server restart loses nothing; reports what it holds to a new session ("held") and asks for a retry by
//    itself ("retry", growing delay) while anything is waiting.
// 2. Polls the tiny state endpoint (/api/live/CODE) and asks for a rerun ("room") only when the room changed.
// 3. When the server cannot be reached, says so in the participant's language instead of Streamlit's
//    developer text ("Connection error ... streamlit run yourscript.py").
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  const S = (window.__psmPhone = window.__psmPhone || { reported: "", room: "", failures: 0 });
  S.data = data;
  S.trigger = setTriggerValue;
  S.parent = parentElement;
  const storeKey = "psm_pending_" + data.code;

  const load = () => {
    try { return JSON.parse(window.localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { return {}; }
  };
  const save = (items) => {
    try {
      if (Object.keys(items).length) window.localStorage.setItem(storeKey, JSON.stringify(items));
      else window.localStorage.removeItem(storeKey);
    } catch (e) { /* storage full or blocked: the session still holds them */ }
  };

  // What the server has confirmed (stored or refused) leaves the phone; what it is waiting for joins it.
  const held = load();
  for (const id of data.done || []) delete held[id];
  for (const [id, item] of Object.entries(data.pending || {})) held[id] = item;
  save(held);
  const unknown = Object.keys(held).filter((id) => !(id in (data.pending || {})));
  const signature = data.session + ":" + unknown.sort().join(",");
  if (unknown.length && S.reported !== signature && data.ready) {
    S.reported = signature;
    const items = {};
    for (const id of unknown) items[id] = held[id];
    setTriggerValue("held", { items: items, at: Date.now() });
  }

  // Waiting items are retried by themselves: 2 s, then longer, at most every 15 s.
  clearTimeout(S.retryTimer);
  if (Object.keys(data.pending || {}).length) {
    const delay = Math.min(15000, 2000 * Math.pow(1.5, data.attempts || 0));
    S.retryTimer = setTimeout(() => S.trigger("retry", Date.now()), delay);
  }

  const showOffline = (offline) => {
    let box = S.parent && S.parent.querySelector ? S.parent.querySelector(".psm-offline") : null;
    if (!box && S.parent) {
      box = document.createElement("div");
      box.className = "psm-offline";
      box.setAttribute("role", "status");
      S.parent.appendChild(box);
    }
    if (!box) return;
    const text = offline ? S.data.texts.offline : "";
    if (box.textContent !== text) box.textContent = text;
    box.style.display = offline ? "block" : "none";
  };

  const poll = async () => {
    const d = S.data;
    if (!d.follow) return;  // no event to follow (unknown code)
    try {
      const r = await fetch(d.endpoint, { cache: "no-store", credentials: "same-origin" });
      S.failures = 0;
      showOffline(false);
      if (r.status !== 200) return;
      const state = await r.json();
      if (state.version && state.version !== d.version && state.version !== S.room) {
        S.room = state.version;
        S.trigger("room", state.version);
      }
    } catch (e) {
      S.failures += 1;
      if (S.failures >= 2) showOffline(true);
    }
  };
  if (!S.pollTimer) {
    S.pollTimer = setInterval(() => { if (document.visibilityState !== "hidden") poll(); }, data.poll_ms || 3000);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") poll(); });
  }

  // "Hai risposto a 3 di 8": counted from the cards the server drew as saved (their hidden .psm-answered mark),
  // so it follows every card's own run without a full page run.
  const showProgress = () => {
    const d = S.data;
    if (!d.total || !S.parent || !S.parent.querySelector) return;
    let box = S.parent.querySelector(".psm-progress");
    if (!box) {
      box = document.createElement("div");
      box.className = "psm-progress";
      box.innerHTML = '<div class="psm-progress-text"></div><div class="psm-progress-bar"><span></span></div>';
      S.parent.prepend(box);
    }
    const marks = document.querySelectorAll(".psm-answered").length;
    const n = Math.min(d.total, document.querySelector('[class*="st-key-card_"]') ? marks : d.answered);
    const text = d.texts.progress.replace("{n}", String(n)).replace("{total}", String(d.total));
    const line = box.querySelector(".psm-progress-text");
    if (line.textContent !== text) line.textContent = text;  // unchanged: no mutation, no observer loop
    box.querySelector(".psm-progress-bar span").style.width = Math.round((100 * n) / d.total) + "%";
  };
  showProgress();

  // Streamlit's connection dialog speaks to developers: say what it means to a participant, in their language.
  if (!S.observer) {
    const rewrite = () => {
      showProgress();
      const texts = S.data.texts;
      for (const dialog of document.querySelectorAll('[role="dialog"]')) {
        if (dialog.dataset.psmRewritten) continue;
        const body = dialog.textContent || "";
        if (!/streamlit run|Connection error|Is Streamlit still running/i.test(body)) continue;
        dialog.dataset.psmRewritten = "1";
        const box = document.createElement("div");
        box.className = "psm-offline-dialog";
        box.style.cssText = "padding:1.25rem;font-size:1rem;line-height:1.4";
        const title = document.createElement("strong");
        title.textContent = texts.offline_title;
        const text = document.createElement("p");
        text.textContent = texts.offline;
        box.append(title, text);
        for (const child of dialog.children) child.style.display = "none";  // React keeps its nodes
        dialog.append(box);
      }
    };
    S.observer = new MutationObserver(rewrite);
    S.observer.observe(document.body, { childList: true, subtree: true });
    rewrite();
  }
}
