"""An event's exports as a Frictionless Data Package: the same CSVs, with a schema a spreadsheet or BI tool can trust.

The CSVs are the ones `exports.export_files` writes (formula-safe, labelled `source = participants`); the
descriptor gives each column its type (from the frame that wrote it: a count is an integer, a flag a boolean, an
agreement a number), a description in Italian and English, and the keys. Columns never mix types: a participant
who declared no zone has an empty `zone_id` and `zone_declared = false`, not the words "non dichiarata".
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pandas as pd

from psm_data.csvsafe import to_csv_bytes
from psm_data.events import exports
from psm_data.events.store import EventStore
from psm_data.i18n import format_date

#: Column -> (Italian, English). A column with no description fails the tests, so the dictionary keeps up.
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "source": ("Sempre 'participants': risposte dei partecipanti, non dati del report",
               "Always 'participants': participants' answers, not the report's data"),
    "event_code": ("Codice dell'evento di ascolto", "Listening event code"),
    "event_is_rehearsal": ("Vero se l'evento è una prova (mai contata nei risultati)",
                           "True when the event is a rehearsal (never counted in results)"),
    "event_is_archived": ("Vero se l'evento è archiviato", "True when the event is archived"),
    "recorded_at_utc": ("Quando la risposta è stata registrata (UTC)", "When the answer was recorded (UTC)"),
    "respondent": ("Pseudonimo del partecipante in questo evento (web:… o scheda cartacea)",
                   "The participant's pseudonym in this event (web:… or paper sheet)"),
    "declared_zone": ("Zona omogenea dichiarata dal partecipante (vuota se non dichiarata)",
                      "Zone the participant declared (empty when not declared)"),
    "declared_role": ("Ruolo dichiarato (cittadino, comune, ente, impresa, altro; vuoto se non dichiarato)",
                      "Declared role (empty when not declared)"),
    "need_id": ("Esigenza del report a cui si riferisce la riga (vuota per una proposta di nuova esigenza)",
                "The report's need the row is about (empty for a proposed new need)"),
    "answer": ("Risposta: agree, partly, disagree, unclear", "Answer: agree, partly, disagree, unclear"),
    "star": ("Vero se il partecipante ha dato una stella di priorità",
             "True when the participant gave a priority star"),
    "revision": ("Numero di versione della risposta (1 = prima)", "Version of the answer (1 = first)"),
    "is_current": ("Vero per la versione valida della risposta", "True for the answer's current version"),
    "origin": ("Canale: web (telefono in sala), paper (scheda cartacea), online (finestra online)",
               "Channel: web (phone in the hall), paper (sheet), online (online window)"),
    "n_agree": ("Risposte D'accordo", "Agree answers"),
    "n_partly": ("Risposte In parte", "Partly answers"),
    "n_disagree": ("Risposte In disaccordo", "Disagree answers"),
    "n_unclear": ("Risposte Non chiaro", "Unclear answers"),
    "voters": ("Partecipanti che hanno risposto", "Participants who answered"),
    "agreement": ("Accordo: (D'accordo + ½ In parte) / risposte con un'opinione, da 0 a 1 (vuoto senza risposte)",
                  "Agreement: (agree + ½ partly) / answers with an opinion, 0 to 1 (empty without answers)"),
    "stars": ("Stelle di priorità ricevute", "Priority stars received"),
    "label": ("Lettura automatica: consenso, divisiva, orientata, da_riformulare, pochi_voti",
              "Automatic reading: consensus, divisive, leaning, to reword, too few votes"),
    "zone_consensus": ("Consenso tra zone (prodotto per zona di (D'accordo + 1) / (risposte + 2)), da 0 a 1",
                       "Consensus across zones (product over zones of (agree + 1) / (answers + 2)), 0 to 1"),
    "n_zones": ("Zone dichiarate tra chi ha risposto", "Declared zones among those who answered"),
    "item_status": ("Stato dell'esigenza nell'evento: pending, open, closed",
                    "The need's state: pending, open, closed"),
    "outcome": ("Esito deciso in sala (validata, da_riformulare, respinta, non_discussa; vuoto se nessuno)",
                "Outcome decided in the room (empty when none)"),
    "outcome_note": ("Nota dell'esito (la riformulazione concordata)", "Outcome note (the agreed rewording)"),
    "zone_id": ("Zona omogenea (vuota se non dichiarata; vedi zone_declared)",
                "Zone (empty when not declared; see zone_declared)"),
    "zone_declared": ("Vero se la riga riguarda una zona dichiarata", "True when the row is about a declared zone"),
    "text_id": ("Identificativo del testo", "Text id"),
    "kind": ("comment (commento a un'esigenza) o proposal (proposta)", "comment (on a need) or proposal"),
    "axis_id": ("Asse indicato dal partecipante per la proposta", "Axis the participant gave the proposal"),
    "text": ("Testo del partecipante, come scritto (celle neutralizzate contro le formule)",
             "The participant's text as written (cells neutralised against formulas)"),
    "moderation": ("Stato di moderazione: pending, approved, rejected", "Moderation: pending, approved, rejected"),
    "created_at_utc": ("Quando il testo è stato scritto (UTC)", "When the text was written (UTC)"),
    "suggested_needs": ("Le tre esigenze più probabili secondo l'abbinamento automatico, separate da ';'",
                        "The three most likely needs by automatic matching, ';'-separated"),
    "link_decision": ("Decisione del facilitatore sull'abbinamento: confirmed, picked, new (vuota se nessuna)",
                      "The facilitator's decision on the match (empty when none)"),
    "linked_need": ("Esigenza abbinata dal facilitatore", "Need linked by the facilitator"),
    "new_need_axis": ("Asse della nuova esigenza, se il testo è segnato come nuova esigenza",
                      "Axis of the new need, when the text is marked as a new need"),
    "similar_group": ("Gruppo di proposte quasi uguali", "Group of near-duplicate proposals"),
    "similar_count": ("Quante proposte nel gruppo", "How many proposals in the group"),
}
#: Per-channel counts (`voters_web`, `voters_paper`, …): one description for the family.
PREFIXED = {"voters_": ("Partecipanti che hanno risposto dal canale {suffix}",
                        "Participants who answered via {suffix}")}
PRIMARY_KEYS = {"sintesi_esigenze": ["event_code", "need_id"], "commenti_proposte": ["text_id"]}


def _description(column: str) -> tuple[str, str]:
    if column in DESCRIPTIONS:
        return DESCRIPTIONS[column]
    for prefix, (it, en) in PREFIXED.items():
        if column.startswith(prefix):
            suffix = column.removeprefix(prefix)
            return it.format(suffix=suffix), en.format(suffix=suffix)
    raise KeyError(f"export column {column!r} has no description in psm_data/events/export_package.py")


def _field_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    return "string"


def typed_frames(store: EventStore, code: str) -> dict[str, pd.DataFrame]:
    """Each export as `exports.export_files` writes it (labelled as rehearsal / archived)."""
    event = store.event(code)
    frames = {}
    for name, build in exports.EXPORTS.items():
        frames[name] = exports.labelled(build(store, code), event.is_rehearsal, event.archived)
    return frames


def schema_for(frame: pd.DataFrame, name: str) -> dict[str, Any]:
    fields = []
    for column in frame.columns:
        it, en = _description(column)
        fields.append({"name": column, "type": _field_type(frame[column]), "description": it, "description_en": en})
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    if name in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[name]
    return schema


def package_zip(store: EventStore, code: str) -> bytes:
    """The event's CSVs and their `datapackage.json`, zipped: `frictionless validate datapackage.json` accepts it."""
    event = store.event(code)
    resources, buffer = [], io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, frame in typed_frames(store, code).items():
            path = f"psm_evento_{code}_{name}.csv"
            archive.writestr(path, to_csv_bytes(frame))
            resources.append({
                "name": name, "type": "table", "path": path, "scheme": "file", "format": "csv",
                "mediatype": "text/csv", "encoding": "utf-8-sig", "dialect": {"delimiter": ",", "header": True},
                "schema": schema_for(frame, name)})
        descriptor = {
            "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
            "name": f"psm-evento-{code.lower()}",
            "title": (f"Risposte dei partecipanti: {event.title} ({format_date(event.event_date, 'it')}, "
                      f"{event.place})"),
            "description": "Risposte, sintesi e testi dei partecipanti a un evento di ascolto del PSM Torino: "
                           "non sono dati del report. Participants' answers at a listening event: not data "
                           "from the report.",
            "resources": resources,
        }
        archive.writestr("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n")
    return buffer.getvalue()
