"""The position paper's words, Italian first and English when the interface is English.

Kept here, not in components/strings, because the document is built without Streamlit too (`make position-paper`).
The report's own words are never here: they are quoted from the data. `{name}` fields are filled with str.format.
"""

from __future__ import annotations

from psm_data.events.vocabulary import MIN_VOTERS, UNCLEAR_FLAG

TEXT: dict[str, dict[str, str]] = {
    "title": {"it": "Documento di sintesi", "en": "Synthesis document"},
    "subtitle": {"it": "Bozza di position paper — Piano Strategico Metropolitano Torino 2024|2026",
                 "en": "Position paper draft — Piano Strategico Metropolitano Torino 2024|2026"},
    "generated": {"it": "Generato il {date} da PSM Torino Explorer. Bozza da rivedere: i numeri vengono dal "
                        "rapporto e dalle risposte salvate, il testo è da completare.",
                  "en": "Generated on {date} by PSM Torino Explorer. A draft to revise: the figures come from the "
                        "report and the stored answers; the prose is yours to write."},
    "why": {"it": "Il rapporto annuncia questo documento:", "en": "The report announces this document:"},
    "events_in": {"it": "Eventi inclusi: {events}.", "en": "Events included: {events}."},
    "events_none": {"it": "Nessun evento di ascolto incluso: il documento riporta solo il rapporto.",
                    "en": "No listening event included: the document gives the report only."},
    "legend_sources": {"it": "Come leggere: «testo tra caporali» = parole del rapporto, con la sezione; "
                             "«Scritto da un partecipante» = parole di chi ha partecipato, riportate come scritte; "
                             "ogni tabella dice la sua fonte (rapporto, o evento con codice e data).",
                       "en": "How to read: «text in guillemets» = the report's words, with its section; "
                             "«Written by a participant» = a participant's words, as written; every table names "
                             "its source (the report, or the event by code and date)."},
    "toc": {"it": "Indice", "en": "Contents"},
    "toc_hint": {"it": "Per i numeri di pagina aggiornare l'indice: tasto destro → Aggiorna campo (Word) o "
                        "Strumenti → Aggiorna → Aggiorna tutto (LibreOffice).",
                 "en": "For the page numbers, update the contents: right-click → Update field (Word) or "
                       "Tools → Update → Update All (LibreOffice)."},
    # sources
    "src_report": {"it": "Fonte: rapporto{section}", "en": "Source: the report{section}"},
    "src_events": {"it": "Fonte: partecipanti, {events}", "en": "Source: participants, {events}"},
    "src_mixed": {"it": "Fonte: partecipanti ({events}: stelle ed esiti) e rapporto (progetti localizzati)",
                  "en": "Source: participants ({events}: stars and outcomes) and the report (localised projects)"},
    "src_population": {"it": "Fonte: partecipanti ({events}); popolazione 2023 ISTAT/openpolis (CC-BY 4.0)",
                       "en": "Source: participants ({events}); 2023 population ISTAT/openpolis (CC-BY 4.0)"},
    "event_ref": {"it": "evento {code} del {date}", "en": "event {code} of {date}"},
    # Il percorso
    "h_path": {"it": "Il percorso", "en": "The process"},
    "h_survey": {"it": "L'indagine preliminare (dal rapporto)", "en": "The preliminary survey (from the report)"},
    "t_survey": {"it": "L'indagine preliminare in cifre", "en": "The preliminary survey in figures"},
    "col_figure": {"it": "Dato", "en": "Figure"},
    "col_value": {"it": "Valore", "en": "Value"},
    "col_unit": {"it": "Unità", "en": "Unit"},
    "h_events": {"it": "Gli eventi di ascolto", "en": "The listening events"},
    "ev_date": {"it": "Data: {date}", "en": "Date: {date}"},
    "ev_place": {"it": "Luogo: {place}", "en": "Place: {place}"},
    "ev_zones": {"it": "Zone dell'evento: {zones}", "en": "Zones of the event: {zones}"},
    "ev_agenda": {"it": "Esigenze in agenda: {n}", "en": "Needs on the agenda: {n}"},
    "ev_tables": {"it": "Tavoli: {tables}", "en": "Tables: {tables}"},
    "ev_people": {"it": "Partecipanti: {n}", "en": "Participants: {n}"},
    "t_by_zone": {"it": "Partecipanti per zona dichiarata — {code}", "en": "Participants by declared zone — {code}"},
    "t_by_role": {"it": "Partecipanti per ruolo — {code}", "en": "Participants by role — {code}"},
    "t_by_origin": {"it": "Partecipanti per provenienza della risposta — {code}",
                    "en": "Participants by origin of the answers — {code}"},
    "col_zone": {"it": "Zona", "en": "Zone"},
    "col_zone_name": {"it": "Nome", "en": "Name"},
    "col_participants": {"it": "Partecipanti", "en": "Participants"},
    "col_role": {"it": "Ruolo", "en": "Role"},
    "col_origin": {"it": "Provenienza", "en": "Origin"},
    "zone_none": {"it": "non dichiarata", "en": "not declared"},
    "role_none": {"it": "non dichiarato", "en": "not declared"},
    "origin_web": {"it": "web (telefono)", "en": "web (phone)"},
    "origin_paper": {"it": "carta", "en": "paper"},
    "origin_online": {"it": "online", "en": "online"},
    "h_participation_map": {"it": "La partecipazione sul territorio", "en": "Participation across the territory"},
    "map_title": {"it": "Partecipanti per 10 000 abitanti, per zona dichiarata",
                  "en": "Participants per 10,000 inhabitants, by declared zone"},
    "map_legend": {"it": "più scuro = più partecipanti per abitante; il numero è la zona",
                   "en": "darker = more participants per inhabitant; the number is the zone"},
    "t_representation": {"it": "Rappresentatività per zona", "en": "Representation per zone"},
    "col_population": {"it": "Popolazione 2023", "en": "Population 2023"},
    "col_pop_share": {"it": "Quota popolazione", "en": "Population share"},
    "col_part_share": {"it": "Quota partecipanti", "en": "Participant share"},
    "col_per_10k": {"it": "Per 10 000 ab.", "en": "Per 10,000 inh."},
    # Per asse
    "h_axes": {"it": "Per asse", "en": "By axis"},
    "h_axis": {"it": "Asse {id} — {name}", "en": "Axis {id} — {name}"},
    "h_report_found": {"it": "Cosa ha trovato il rapporto", "en": "What the report found"},
    "t_strategies": {"it": "Strategie dell'asse {id} e progetti segnalati",
                     "en": "Strategies of axis {id} and reported projects"},
    "col_strategy": {"it": "Strategia", "en": "Strategy"},
    "col_title": {"it": "Titolo", "en": "Title"},
    "col_status": {"it": "Stato", "en": "Status"},
    "col_projects": {"it": "Progetti", "en": "Projects"},
    "col_in_zones": {"it": "Nelle zone scelte", "en": "In the chosen zones"},
    "col_outside": {"it": "Metropolitani o non localizzati", "en": "Metropolitan or unlocalised"},
    "status_no_actions": {"it": "nessuna azione", "en": "no actions"},
    "status_partial": {"it": "attuata parzialmente", "en": "partially implemented"},
    "status_most_reported": {"it": "la più segnalata dell'asse", "en": "most reported on its axis"},
    "status_reported": {"it": "azioni segnalate", "en": "actions reported"},
    "with_projects": {"it": "Strategie con progetti nelle zone scelte: {ids}.",
                      "en": "Strategies with projects in the chosen zones: {ids}."},
    "without_projects": {"it": "Strategie senza progetti nelle zone scelte: {ids}.",
                         "en": "Strategies without projects in the chosen zones: {ids}."},
    "none": {"it": "nessuna", "en": "none"},
    "zones_without": {"it": "Zone senza progetti localizzati su questo asse: {zones}.",
                      "en": "Zones with no project localised on this axis: {zones}."},
    "zones_without_none": {"it": "Ogni zona scelta ha almeno un progetto localizzato su questo asse.",
                           "en": "Every chosen zone has at least one project localised on this axis."},
    "strategy_quote": {"it": "Strategia {id}", "en": "Strategy {id}"},
    "h_validation": {"it": "Le esigenze e la loro validazione", "en": "The needs and their validation"},
    "t_validation": {"it": "Validazione delle esigenze dell'asse {id}", "en": "Validation of the needs of axis {id}"},
    "chart_bars": {"it": "Risposte per esigenza, asse {id}", "en": "Answers per need, axis {id}"},
    "no_answers": {"it": "Nessuna risposta sulle esigenze di questo asse negli eventi inclusi.",
                   "en": "No answer on this axis's needs in the events included."},
    "col_need": {"it": "Esigenza", "en": "Need"},
    "col_voters": {"it": "Votanti", "en": "Voters"},
    "col_agreement": {"it": "Accordo", "en": "Agreement"},
    "col_label": {"it": "Lettura", "en": "Reading"},
    "col_consensus": {"it": "Consenso tra zone", "en": "Consensus across zones"},
    "col_zones": {"it": "Zone", "en": "Zones"},
    "answer_agree": {"it": "D'accordo", "en": "Agree"},
    "answer_partly": {"it": "In parte", "en": "Partly"},
    "answer_disagree": {"it": "In disaccordo", "en": "Disagree"},
    "answer_unclear": {"it": "Non chiaro", "en": "Unclear"},
    "label_pochi_voti": {"it": "pochi voti", "en": "few votes"},
    "label_da_riformulare": {"it": "da riformulare", "en": "to reword"},
    "label_consenso": {"it": "consenso", "en": "consensus"},
    "label_divisiva": {"it": "divisiva", "en": "divisive"},
    "label_orientata": {"it": "orientata", "en": "leaning"},
    "outcome_validata": {"it": "Validata", "en": "Validated"},
    "outcome_da_riformulare": {"it": "Da riformulare", "en": "To reword"},
    "outcome_respinta": {"it": "Respinta", "en": "Rejected"},
    "outcome_non_discussa": {"it": "Non discussa", "en": "Not discussed"},
    "report_proposals": {"it": "Le proposte del rapporto per questa esigenza:",
                         "en": "The report's proposals for this need:"},
    "need_figures": {"it": "Risultato: {sentence}", "en": "Result: {sentence}"},
    "need_sentence": {"it": "{voters} votanti, accordo {agreement}, ★ {stars}, lettura «{label}», consenso tra "
                            "zone {consensus} su {zones} zone",
                      "en": "{voters} voters, agreement {agreement}, ★ {stars}, reading «{label}», consensus "
                            "across zones {consensus} over {zones} zones"},
    "outcome_line": {"it": "Esito ({event}): {outcome}", "en": "Outcome ({event}): {outcome}"},
    "outcome_note": {"it": "Nota del facilitatore ({event}):", "en": "Facilitator's note ({event}):"},
    "h_voices": {"it": "Proposte e commenti dei partecipanti", "en": "Participants' proposals and comments"},
    "written_by": {"it": "Scritto da un partecipante", "en": "Written by a participant"},
    "kind_comment": {"it": "commento", "en": "comment"},
    "kind_proposal": {"it": "proposta", "en": "proposal"},
    "link_suggested": {"it": "abbinamento suggerito", "en": "suggested match"},
    "link_confirmed": {"it": "abbinamento confermato", "en": "confirmed match"},
    "similar": {"it": "{n} proposte simili", "en": "{n} similar proposals"},
    "verbale_of": {"it": "Verbale del tavolo «{table}» ({event}) · {kind}",
                   "en": "Record of table «{table}» ({event}) · {kind}"},
    "note_key_point": {"it": "punto chiave", "en": "key point"},
    "note_priority": {"it": "priorità", "en": "priority"},
    "note_disagreement": {"it": "disaccordo", "en": "disagreement"},
    "note_new_need": {"it": "nuova esigenza", "en": "new need"},
    "h_verbale": {"it": "Dai verbali dei tavoli", "en": "From the tables' records"},
    "h_new_needs": {"it": "Nuove esigenze proposte dai partecipanti (asse {id})",
                    "en": "New needs proposed by participants (axis {id})"},
    # Per zona
    "h_zones": {"it": "Per zona omogenea", "en": "By homogeneous zone"},
    "h_zone": {"it": "Zona {id} — {name}", "en": "Zone {id} — {name}"},
    "zone_facts": {"it": "{population} abitanti (2023), {comuni}.",
                   "en": "{population} inhabitants (2023), {comuni}."},
    "comuni_one": {"it": "1 comune", "en": "1 comune"},
    "comuni_many": {"it": "{n} comuni", "en": "{n} comuni"},
    "t_zone_axes": {"it": "Progetti localizzati nella zona {id}, per asse",
                    "en": "Projects localised in zone {id}, by axis"},
    "col_axis": {"it": "Asse", "en": "Axis"},
    "zone_uncovered": {"it": "Strategie senza progetti localizzati nella zona: {ids}.",
                       "en": "Strategies with no project localised in the zone: {ids}."},
    "t_convergent": {"it": "Vista convergente — zona {id}", "en": "Convergent view — zone {id}"},
    "convergent_intro": {"it": "Esigenze validate in un evento e con stelle da partecipanti della zona, su assi senza "
                               "progetti localizzati nella zona secondo il rapporto.",
                         "en": "Needs validated at an event and starred by participants of the zone, on axes with "
                               "no project localised in the zone according to the report."},
    "convergent_none": {"it": "Nessuna esigenza convergente per questa zona negli eventi inclusi.",
                        "en": "No convergent need for this zone in the events included."},
    "col_stars": {"it": "★ Stelle", "en": "★ Stars"},
    "col_stars_zone": {"it": "★ Stelle dalla zona", "en": "★ Stars from the zone"},
    "col_voters_zone": {"it": "Votanti della zona", "en": "Voters of the zone"},
    "col_agreement_zone": {"it": "Accordo nella zona", "en": "Agreement in the zone"},
    "zone_participants": {"it": "Partecipanti che hanno dichiarato questa zona: {n}.",
                          "en": "Participants who declared this zone: {n}."},
    # Questioni aperte
    "h_open": {"it": "Questioni aperte", "en": "Open questions"},
    "open_none": {"it": "Nessun evento incluso: nessuna questione aperta dai partecipanti.",
                  "en": "No event included: no open question from participants."},
    "t_reword": {"it": "Esigenze da riformulare", "en": "Needs to reword"},
    "t_divisive": {"it": "Esigenze divisive", "en": "Divisive needs"},
    "t_unclear": {"it": "Esigenze che molti hanno trovato poco chiare", "en": "Needs many found unclear"},
    "col_outcome": {"it": "Esito", "en": "Outcome"},
    "col_note": {"it": "Nota del facilitatore", "en": "Facilitator's note"},
    "col_event": {"it": "Evento", "en": "Event"},
    "empty_list": {"it": "Nessuna.", "en": "None."},
    # Nota metodologica
    "h_method": {"it": "Nota metodologica", "en": "Methodological note"},
    "h_definitions": {"it": "Definizioni e soglie", "en": "Definitions and thresholds"},
    "def_voters": {"it": "Votanti: partecipanti che hanno dato una risposta all'esigenza (una stella da sola non è "
                          "un voto).",
                   "en": "Voters: participants who answered the need (a star alone is not a vote)."},
    "def_agreement": {"it": "Accordo: (D'accordo + ½ In parte) / (D'accordo + In parte + In disaccordo); «Non "
                            "chiaro» non è un'opinione sull'esigenza ed è contato a parte.",
                      "en": "Agreement: (Agree + ½ Partly) / (Agree + Partly + Disagree); «Unclear» is not an "
                            "opinion on the need and is counted apart."},
    "def_label": {"it": "Lettura, solo con almeno " + str(MIN_VOTERS) + " votanti (altrimenti «pochi voti»): «da "
                        "riformulare» con " + str(UNCLEAR_FLAG) + " o più «Non chiaro»; «consenso» con accordo ≥ "
                        "70 %; «divisiva» con accordo tra ⅓ e ⅔; altrimenti «orientata».",
                  "en": "Reading, only with at least " + str(MIN_VOTERS) + " voters (else «few votes»): «to "
                        "reword» with " + str(UNCLEAR_FLAG) + " or more «Unclear»; «consensus» at agreement ≥ "
                        "70 %; «divisive» between ⅓ and ⅔; otherwise «leaning»."},
    "def_consensus": {"it": "Consenso tra zone (il consenso «group-aware» di Pol.is, con le zone dichiarate come "
                            "gruppi): il prodotto sulle zone di (D'accordo + 1) / (risposte + 2). È alto solo se "
                            "ogni zona che ha risposto è d'accordo; chi non ha dichiarato la zona non vi conta.",
                      "en": "Consensus across zones (Pol.is's group-aware consensus, declared zones as groups): the "
                            "product over zones of (Agree + 1) / (answers + 2). High only when every zone that "
                            "answered agrees; participants with no declared zone do not count in it."},
    "def_stars": {"it": "Stelle (la stella del telefono e della scheda): priorità; ogni partecipante ne può dare al "
                        "massimo 3 per evento.",
                  "en": "Stars (the star on the phone and the paper sheet): priority; each participant may give at "
                        "most 3 per event."},
    "def_outcome": {"it": "Esito: il verdetto del facilitatore dopo l'evento (validata, da riformulare, respinta, "
                          "non discussa), con la sua nota.",
                    "en": "Outcome: the facilitator's verdict after the event (validated, to reword, rejected, not "
                          "discussed), with their note."},
    "def_convergent": {"it": "Vista convergente: esigenze con esito «validata» in almeno un evento e stelle da "
                             "partecipanti di una zona, su un asse senza progetti localizzati in quella zona "
                             "secondo il rapporto.",
                       "en": "Convergent view: needs with outcome «validated» at one event at least and stars from "
                             "participants of a zone, on an axis with no project localised in that zone according "
                             "to the report."},
    "def_projects": {"it": "Progetti: quelli che il rapporto nomina; «nelle zone scelte» conta solo quelli che il "
                           "rapporto localizza in una zona; i progetti metropolitani o senza zona sono contati a "
                           "parte.",
                     "en": "Projects: those the report names; «in the chosen zones» counts only those the report "
                           "localises in a zone; metropolitan or unlocalised projects are counted apart."},
    "def_matching": {"it": "Abbinamento dei testi alle esigenze: un commento sta sotto l'esigenza a cui risponde; "
                           "una proposta sotto l'esigenza scelta da chi l'ha scritta o confermata dal facilitatore, "
                           "altrimenti sotto quella suggerita dal confronto lessicale (marcata «abbinamento "
                           "suggerito»). Le proposte quasi uguali sono riportate una volta con il loro numero.",
                     "en": "Matching texts to needs: a comment stands under the need it answers; a proposal under "
                           "the need its writer chose or the facilitator confirmed, otherwise under the one the "
                           "lexical comparison suggests (marked «suggested match»). Near-identical proposals are "
                           "listed once with their count."},
    "h_representation": {"it": "Quanto è rappresentativa la partecipazione",
                         "en": "How representative the participation is"},
    "representation_none": {"it": "Nessun evento incluso.", "en": "No event included."},
    "representation_note": {"it": "Una quota di partecipanti molto diversa dalla quota di popolazione dice che la "
                                   "zona ha pesato più (o meno) dei suoi abitanti; chi non ha dichiarato la zona "
                                   "non è in questa tabella.",
                             "en": "A participant share far from the population share means the zone weighed more "
                                   "(or less) than its inhabitants; participants with no declared zone are not in "
                                   "this table."},
    "h_can": {"it": "Cosa i dati possono e non possono dire", "en": "What the data can and cannot say"},
    "can_1": {"it": "Possono dire come si sono espressi i presenti sulle esigenze del rapporto, zona per zona, e "
                    "dove le priorità dei partecipanti cadono su assi senza progetti localizzati.",
              "en": "They can say how those present answered the report's needs, zone by zone, and where "
                    "participants' priorities fall on axes with no localised project."},
    "can_2": {"it": "Non sono un sondaggio: chi partecipa si seleziona da sé, la zona e il ruolo sono dichiarati e "
                    "facoltativi, e un telefono è un partecipante per evento (non si collegano persone tra eventi).",
              "en": "They are not a survey: participants select themselves, zone and role are declared and "
                    "optional, and one phone is one participant per event (people are not linked across events)."},
    "can_3": {"it": "Il rapporto conta i progetti che nomina, non la spesa né gli effetti; una zona senza "
                    "progetti localizzati può avere progetti metropolitani che la toccano.",
              "en": "The report counts the projects it names, not spending or effects; a zone without localised "
                    "projects may have metropolitan projects that touch it."},
    "can_4": {"it": "Gli abbinamenti suggeriti sono un confronto di parole, da confermare: non sono il giudizio di "
                    "chi ha scritto.",
              "en": "Suggested matches are a comparison of words, to be confirmed: not the writer's judgement."},
    # Ipotesi
    "h_scenario": {"it": "Ipotesi di scenario (non sono fatti del rapporto)",
                   "en": "Scenario hypotheses (not facts of the report)"},
    "hypothesis": {"it": "IPOTESI — {name}: strategie {strategies}; {where}{need}.",
                   "en": "HYPOTHESIS — {name}: strategies {strategies}; {where}{need}."},
    "hyp_metro": {"it": "tutta l'area metropolitana", "en": "the whole metropolitan area"},
    "hyp_zones": {"it": "zone {zones}", "en": "zones {zones}"},
    "hyp_need": {"it": "; risponde a {need}", "en": "; answers {need}"},
    # Fonti
    "h_sources": {"it": "Fonti", "en": "Sources"},
    "source_report": {"it": "Città metropolitana di Torino, «Piano Strategico Metropolitano Torino 2024|2026 — "
                            "Restituzione della fase preliminare» (2023): ogni citazione tra caporali è tratta da qui.",
                      "en": "Città metropolitana di Torino, «Piano Strategico Metropolitano Torino 2024|2026 — "
                            "Restituzione della fase preliminare» (2023): every quote in guillemets comes from it."},
    "source_geo": {"it": "Confini e popolazione 2023 delle zone: ISTAT, openpolis (CC-BY 4.0).",
                   "en": "Zone boundaries and 2023 population: ISTAT, openpolis (CC-BY 4.0)."},
    "source_events": {"it": "Risposte, commenti e proposte: il database degli eventi di ascolto (solo testi "
                            "approvati in moderazione).",
                      "en": "Answers, comments and proposals: the listening events' database (approved texts only)."},
    "page": {"it": "Pagina {n}", "en": "Page {n}"},
    "chart_table": {"it": "I numeri del grafico sono nella tabella «{title}».",
                    "en": "The chart's numbers are in the table «{title}»."},
}


def text(key: str, lang: str = "it", **fields: object) -> str:
    entry = TEXT[key]
    value = entry.get(lang) or entry["it"]
    return value.format(**fields) if fields else value
