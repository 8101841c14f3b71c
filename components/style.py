"""Page styling: larger type for projectors, the same look on every page, and the accessibility fixes that
Streamlit's defaults need (text contrast, the page's language, skip links, a sidebar that collapses on phones)."""

from __future__ import annotations

import html

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from components import state
from components.i18n import current_language, t
from components.streamlit_texts import streamlit_texts_script
from psm_data.palette import MUTED_TEXT

PROJECTOR = state.PROJECTOR
#: Inline style that hides text from the eye but not from screen readers (the usual "visually hidden" recipe).
SCREEN_READER_ONLY = ("position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
                      "clip:rect(0,0,0,0);white-space:nowrap;border:0")

_BASE_CSS = """
<style>
  /* Legible from the back of a room: bigger base type and metric values. */
  html { font-size: 17px; }
  [data-testid="stMetricValue"] { font-size: 2.4rem; }
  /* Room for the zone names, only while the sidebar is open: as a min-width on the collapsed sidebar it kept a
     ~40 px strip over the left edge of every page on phones (Streamlit collapses it by shifting it left). */
  [data-testid="stSidebar"][data-collapsed="false"] { min-width: 20rem; }
  /* A page's subtitle: a paragraph set large (as an h4 it made the heading levels jump from h1 to h4). */
  .psm-subtitle { font-size: 1.45rem; font-weight: 600; line-height: 1.35; margin: 0; }
</style>
"""
# On every page, explorer and events alike. Never write a "<" in these style sheets, comments included: Streamlit's
# HTML sanitiser drops a whole <style> element whose text looks like markup (tests/test_components_pure.py).
_ACCESSIBILITY_CSS = f"""
<style>
  /* Streamlit fades captions and quotes to 60 % opacity: 3.4–3.9:1, under WCAG AA's 4.5:1. A solid grey instead. */
  [data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"] blockquote {{
    color: {MUTED_TEXT}; opacity: 1; }}
  /* Skip links: out of sight until a keyboard user tabs to them. */
  .psm-skip {{ position: absolute; left: -10000px; }}
  .psm-skip:focus {{ position: static; display: inline-block; padding: 0.2rem 0.5rem; outline: 3px solid;
                    background: #ffffff; }}
  /* Code blocks wrap instead of scrolling sideways: a scrolling code box cannot be reached with the keyboard. */
  [data-testid="stCode"] pre, [data-testid="stCode"] code {{ white-space: pre-wrap !important;
    overflow-wrap: anywhere; }}
  /* A multiselect's search box widens to 3rem only while focused: in a narrow sidebar that moves it onto a line
     of its own beside the chosen tags, and back on blur. A tap below it then lost its click: the mousedown blurred
     the box, the layout rose ~35 px and the click landed under the button (phones, 360 px). The same width
     focused or not keeps the layout still. */
  [data-testid="stMultiSelect"] input {{ min-width: 3rem !important; }}
  /* Elements that only carry a script or an anchor take no room. */
  .stElementContainer:has(.psm-no-room) {{ margin: 0; height: 0; min-height: 0; overflow: hidden; }}
</style>
"""
_PROJECTOR_CSS = """
<style>
  html { font-size: 21px; }
  [data-testid="stMetricValue"] { font-size: 3rem; }
  h1 { font-size: 2.6rem !important; }
</style>
"""
# Streamlit serves <html lang="en"> whatever the content; screen readers pick their voice from it. And Streamlit
# 1.67 draws a navigation with sections as a <ul> whose children are section wrappers, not <li> (invalid list
# markup: axe's "list" and "listitem", serious): the script drops the broken list semantics, links and headings stay.
_FRAME_SCRIPT = """<span class="psm-no-room"></span><script>
document.documentElement.lang = "LANG";
if (!window.__psmNavFix) {
  window.__psmNavFix = true;
  const fix = () => document.querySelectorAll('[data-testid="stSidebarNavItems"]').forEach((ul) => {
    if (!ul.querySelector(':scope > :not(li)')) return;
    if (ul.getAttribute('role') !== 'none') ul.setAttribute('role', 'none');
    ul.querySelectorAll('li:not([role])').forEach((li) => li.setAttribute('role', 'none'));
  });
  fix();
  new MutationObserver(fix).observe(document.body, {childList: true, subtree: true});
}
</script>"""


def apply_style() -> None:
    """Base CSS, plus the projector mode (bigger type) when the sidebar toggle or `?proj=1` asks for it; and
    the page's language declared as the one the interface is in."""
    state.seed_from_url(PROJECTOR, ("1",), default=False)
    st.session_state[PROJECTOR] = st.session_state[PROJECTOR] in (True, "1")
    st.sidebar.toggle(t("projector_mode"), key=PROJECTOR, help=t("projector_help"))
    st.html(_ACCESSIBILITY_CSS + _BASE_CSS + (_PROJECTOR_CSS if st.session_state.get(PROJECTOR) else ""))
    # A constant script with one of two fixed values, never user text: safe to run.
    declare_language(st.sidebar)


def declare_language(where: DeltaGenerator) -> None:
    """Set <html lang> to the interface's language and repair the navigation's list markup (see _FRAME_SCRIPT):
    a constant script with one of two fixed values, never user text, so it is safe to run."""
    where.html(_FRAME_SCRIPT.replace("LANG", current_language()), unsafe_allow_javascript=True)
    where.html(streamlit_texts_script(), unsafe_allow_javascript=True)  # Streamlit's own words in ours


def subtitle(text: str) -> None:
    """A subtitle under the page title: large type, but a paragraph, so the outline has no h1 → h4 jump."""
    st.html(f'<p class="psm-subtitle">{html.escape(text)}</p>')


# The phone page: no sidebar (nothing to filter), roomy touch targets, nothing wider than the screen.
_PARTICIPANT_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"] {
    display: none !important; }
  html { font-size: 17px; }
  .block-container, [data-testid="stMainBlockContainer"] { max-width: 44rem; padding: 1rem 0.9rem 4rem; }
  [data-testid="stRadio"] label { padding: 0.35rem 0; min-height: 2.75rem; align-items: center; }
  [data-testid="stBaseButton-secondary"], [data-testid="stBaseButton-primary"],
  [data-testid="stBaseButton-secondaryFormSubmit"], [data-testid="stBaseButton-primaryFormSubmit"] {
    min-height: 2.75rem; }
</style>
"""
# The projector: no sidebar, no header or toolbar; type sized for the back of a hall.
_PRESENTER_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
  /* ≥ 28 px body text at 1280×720, growing with the screen (≈ 38 px at 1920×1080). */
  html { font-size: clamp(28px, 2vw, 44px); }
  .block-container, [data-testid="stMainBlockContainer"] { max-width: 100%; padding: 0.8rem 2rem 0.6rem; }
  [data-testid="stMarkdownContainer"] p, [data-testid="stCaptionContainer"] { font-size: 1rem; }
  [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { line-height: 1.3; }
  h1 { font-size: 1.9rem !important; padding: 0.2rem 0 !important; }
  h2 { font-size: 1.4rem !important; padding: 0.2rem 0 !important; }
  /* Slide controls float bottom-right, so a long slide never pushes them off the screen. */
  .st-key-pr_controls { position: fixed; right: 1rem; bottom: 0.6rem; width: auto !important; z-index: 10;
    background: rgba(255,255,255,0.92); border-radius: 0.5rem; padding: 0.2rem 0.4rem; gap: 0.6rem;
    font-size: 0.7rem; }
  .st-key-pr_controls button { min-height: 2.2rem; }
  .st-key-pr_controls p { font-size: 0.7rem !important; margin: 0; }
  /* A block sized for the slide: its paragraphs and list items follow its size, not Streamlit's 1rem. */
  .psm-fit p, .psm-fit li, .psm-fit ul, .psm-fit table { font-size: inherit !important; }
  [class*="st-key-pr_more_"] button { min-height: 0; padding: 0.05rem 0.5rem; }
  [class*="st-key-pr_more_"] button p { font-size: 0.55rem !important; }
  /* The arrow icons say the direction; Streamlit's shortcut hint would repeat it ("← Indietro ←"). */
  .st-key-pr_controls kbd { display: none; }
  .st-key-pr_public_address_box button { min-height: 0; padding: 0.05rem 0.5rem; }
  .st-key-pr_public_address_box button p { font-size: 0.55rem !important; }
  [data-testid="stMainBlockContainer"] { padding-bottom: 3.4rem !important; }
</style>
"""


def apply_event_style(audience: str) -> None:
    """The frame of the event pages that are not the explorer: the phone and the projector."""
    st.html(_ACCESSIBILITY_CSS + (_PRESENTER_CSS if audience == "presenter" else _PARTICIPANT_CSS))
    declare_language(st.container())
