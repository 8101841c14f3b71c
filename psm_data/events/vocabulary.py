"""The fixed vocabulary of a listening event: answers, roles, limits, outcomes.

One place for the codes, so the phone screen, the paper sheet, the paper import, the results and the exports all
speak the same language. Labels shown to people live in the UI strings (`components/strings/events.py`); the codes
here are what is stored and exported.
"""

from __future__ import annotations

#: A participant's answer to one need, in the order the phone shows them.
ANSWERS: tuple[str, ...] = ("agree", "partly", "disagree", "unclear")
#: The Italian label of each answer, as printed on paper and accepted by the paper import.
ANSWER_LABELS_IT: dict[str, str] = {
    "agree": "D'accordo",
    "partly": "In parte",
    "disagree": "In disaccordo",
    "unclear": "Non chiaro",
}
#: Declared role (optional).
ROLES: tuple[str, ...] = ("cittadino", "comune", "ente", "impresa", "altro")
ROLE_LABELS_IT: dict[str, str] = {
    "cittadino": "Cittadino/a",
    "comune": "Comune",
    "ente": "Ente o associazione",
    "impresa": "Impresa",
    "altro": "Altro",
}
#: ★ priorities a participant may give in one event.
MAX_STARS = 3
#: Characters kept of a comment or a proposal.
TEXT_MAX = 500
#: Below this many voters a need's result is shown as "pochi voti" (Idea Rating Sheets' rule of thumb).
MIN_VOTERS = 12
#: This many "Non chiaro" answers flag a need as "da riformulare".
UNCLEAR_FLAG = 3
#: The facilitator's verdict on a need after the event.
OUTCOMES: tuple[str, ...] = ("validata", "da_riformulare", "respinta", "non_discussa")
OUTCOME_LABELS_IT: dict[str, str] = {
    "validata": "Validata",
    "da_riformulare": "Da riformulare",
    "respinta": "Respinta",
    "non_discussa": "Non discussa",
}
#: Where an answer came from: a phone in the hall, a paper sheet, a phone during the event's online window.
ORIGINS: tuple[str, ...] = ("web", "paper", "online")
#: Moderation state of a comment or a proposal: hidden from the room until approved.
MODERATION: tuple[str, ...] = ("pending", "approved", "rejected")
#: Proposals a device may send per window (rate limit), and the window in seconds.
PROPOSALS_PER_WINDOW = 5
PROPOSAL_WINDOW_S = 600
