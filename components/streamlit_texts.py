"""Streamlit's own words in the interface's language.

Streamlit 1.67 writes a few texts of its own in English that no parameter changes: the file uploader's button
("Upload"), its limit line ("1MB per file • CSV"), its drop hint ("Drag and drop a file here") and the name of every
help button ("Help for …") and of a select box's "Open" button. A small constant script replaces them with ours
as they appear (our strings, JSON-encoded: never user text). Placeholders of select boxes are set where each
widget is made (`placeholder=t("choose_options")`).
"""

from __future__ import annotations

import json

from components.i18n import t

_SCRIPT = """<span class="psm-no-room"></span><script>
(() => {
  const T = TEXTS;
  window.__psmTexts = T;
  if (window.__psmTextsObserver) { window.__psmTextsObserver(); return; }
  // Write only what differs: an unchanged write is still a mutation, and the observer would call fix() for ever
  // (in English, where our words are Streamlit's, that froze the page).
  const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };
  const setLabel = (node, text) => {
    if (node.getAttribute('aria-label') !== text) node.setAttribute('aria-label', text);
  };
  const fix = () => {
    const T = window.__psmTexts;
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"] button p').forEach((p) => {
      if (p.textContent === 'Upload' || p.textContent === T.button_en) setText(p, T.button);
    });
    document.querySelectorAll('[data-testid="stFileUploaderDropzoneInstructions"] span').forEach((span) => {
      const m = span.textContent.match(/^(\\d+(?:\\.\\d+)?\\s*[KMG]?B) per file(.*)$/);
      if (!m) return;
      const size = m[1].replace(/(\\d)([KMG]?B)/, '$1 $2');
      setText(span, T.limit.replace('{size}', size) + m[2].replace('•', '·'));
    });
    if (T.open !== 'Open') document.querySelectorAll('button[aria-label="Open"]').forEach((button) => {
      setLabel(button, T.open);
    });
    if (T.help !== 'Help for ') document.querySelectorAll('button[aria-label^="Help for "]').forEach((button) => {
      setLabel(button, T.help + button.getAttribute('aria-label').slice(9));
    });
    document.querySelectorAll('[data-testid="stFileUploaderDropzone"] span').forEach((span) => {
      if (span.children.length === 0 && /^Drag and drop/.test(span.textContent)) setText(span, T.drop);
    });
  };
  window.__psmTextsObserver = fix;
  fix();
  new MutationObserver(fix).observe(document.body, {childList: true, subtree: true, characterData: true,
                                                   attributeFilter: ['aria-label']});
})();
</script>"""


def streamlit_texts_script() -> str:
    texts = {"button": t("uploader_button"), "button_en": "Upload", "limit": t("uploader_limit"),
             "drop": t("uploader_drop"), "help": t("help_for"), "open": t("select_open")}
    return _SCRIPT.replace("TEXTS", json.dumps(texts, ensure_ascii=True).replace("<", "\\u003c"))
