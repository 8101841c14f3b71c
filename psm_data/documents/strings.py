"""The position paper's words: Italian source texts here, their translations in the UI's gettext catalogue.

The keys live here, not in components/strings, because the document is built without Streamlit too
(`make position-paper`) and psm_data does not import components; the texts are in the same catalogue as the
interface (`locales/`, `make i18n`), marked with the same `N_`/`NN_`/`NC_`. The report's own words are never here:
they are quoted from the data. `{name}` fields are filled with str.format.
"""

from __future__ import annotations

from psm_data.i18n import N_, NC_, NN_, Message, render

TEXT: dict[str, Message] = {
    "title": N_("Documento di sintesi"),
    "subtitle": N_("Bozza di position paper — Piano Strategico Metropolitano Torino 2024|2026"),
    "generated": N_(
        "Generato il {date} da PSM Torino Explorer. Bozza da rivedere: i numeri vengono dal rapporto e "
        "dalle risposte salvate, il testo è da completare.",
    ),
    "why": N_("Il rapporto annuncia questo documento:"),
    "events_in": N_("Eventi inclusi: {events}."),
    "events_none": N_("Nessun evento di ascolto incluso: il documento riporta solo il rapporto."),
    "legend_sources": N_(
        "Come leggere: «testo tra caporali» = parole del rapporto, con la sezione; «Scritto da un "
        "partecipante» = parole di chi ha partecipato, riportate come scritte; ogni tabella dice la sua "
        "fonte (rapporto, o evento con codice e data).",
    ),
    "toc": N_("Indice"),
    "toc_pdf": N_("nel PDF: i segnalibri del lettore"),
    "file_stem": N_("psm_documento_di_sintesi"),
    "col_source": N_("fonte"),
    "toc_hint": N_(
        "Per i numeri di pagina aggiornare l'indice: tasto destro → Aggiorna campo (Word) o Strumenti → Aggiorna → "
        "Aggiorna tutto (LibreOffice).",
    ),
    # sources
    "src_report": N_("Fonte: rapporto{section}"),
    "src_events": N_("Fonte: partecipanti, {events}"),
    "src_mixed": N_("Fonte: partecipanti ({events}: stelle ed esiti) e rapporto (progetti localizzati)"),
    "src_population": N_("Fonte: partecipanti ({events}); popolazione 2023 ISTAT/openpolis (CC-BY 4.0)"),
    "event_ref": N_("evento {code} del {date}"),
    # Il percorso
    "h_path": N_("Il percorso"),
    "h_survey": N_("L'indagine preliminare (dal rapporto)"),
    "t_survey": N_("L'indagine preliminare in cifre"),
    "col_figure": N_("Dato"),
    "col_value": N_("Valore"),
    "col_unit": N_("Unità"),
    "h_events": N_("Gli eventi di ascolto"),
    "ev_date": N_("Data: {date}"),
    "ev_place": N_("Luogo: {place}"),
    "ev_zones": N_("Zone dell'evento: {zones}"),
    "ev_agenda": N_("Esigenze in agenda: {n}"),
    "ev_tables": N_("Tavoli: {tables}"),
    "ev_people": N_("Partecipanti: {n}"),
    "t_by_zone": N_("Partecipanti per zona dichiarata — {code}"),
    "t_by_role": N_("Partecipanti per ruolo — {code}"),
    "t_by_origin": N_("Partecipanti per provenienza della risposta — {code}"),
    "col_zone": N_("Zona"),
    "col_zone_name": N_("Nome"),
    "col_participants": N_("Partecipanti"),
    "col_role": N_("Ruolo"),
    "col_origin": N_("Provenienza"),
    "zone_none": N_("non dichiarata"),
    "role_none": N_("non dichiarato"),
    "origin_web": N_("web (telefono)"),
    "origin_paper": N_("carta"),
    "origin_online": N_("online"),
    "h_participation_map": N_("La partecipazione sul territorio"),
    "map_title": N_("Partecipanti per 10 000 abitanti, per zona dichiarata"),
    "map_legend": N_("più scuro = più partecipanti per abitante; il numero è la zona"),
    "t_representation": N_("Rappresentatività per zona"),
    "col_population": N_("Popolazione 2023"),
    "col_pop_share": N_("Quota popolazione"),
    "col_part_share": N_("Quota partecipanti"),
    "col_per_10k": N_("Per 10 000 ab."),
    # Per asse
    "h_axes": N_("Per asse"),
    "h_axis": N_("Asse {id} — {name}"),
    "h_report_found": N_("Cosa ha trovato il rapporto"),
    "t_strategies": N_("Strategie dell'asse {id} e progetti segnalati"),
    "col_strategy": N_("Strategia"),
    "col_title": N_("Titolo"),
    "col_status": N_("Stato"),
    "col_projects": N_("Progetti"),
    "col_in_zones": N_("Nelle zone scelte"),
    "col_outside": N_("Metropolitani o non localizzati"),
    "status_no_actions": N_("nessuna azione"),
    "status_partial": N_("attuata parzialmente"),
    "status_most_reported": N_("la più segnalata dell'asse"),
    "status_reported": N_("azioni segnalate"),
    "with_projects": N_("Strategie con progetti nelle zone scelte: {ids}."),
    "without_projects": N_("Strategie senza progetti nelle zone scelte: {ids}."),
    "none": N_("nessuna"),
    "zones_without": N_("Zone senza progetti localizzati su questo asse: {zones}."),
    "zones_without_none": N_("Ogni zona scelta ha almeno un progetto localizzato su questo asse."),
    "strategy_quote": N_("Strategia {id}"),
    "h_validation": N_("Le esigenze e la loro validazione"),
    "t_validation": N_("Validazione delle esigenze dell'asse {id}"),
    "chart_bars": N_("Risposte per esigenza, asse {id}"),
    "no_answers": N_("Nessuna risposta sulle esigenze di questo asse negli eventi inclusi."),
    "col_need": N_("Esigenza"),
    "col_voters": N_("Votanti"),
    "col_agreement": N_("Accordo"),
    "col_label": N_("Lettura"),
    "col_consensus": N_("Consenso tra zone"),
    "col_zones": N_("Zone"),
    "answer_agree": N_("D'accordo"),
    "answer_partly": N_("In parte"),
    "answer_disagree": N_("In disaccordo"),
    "answer_unclear": N_("Non chiaro"),
    "label_pochi_voti": NC_("label_pochi_voti", "pochi voti"),
    "label_da_riformulare": NC_("label_da_riformulare", "da riformulare"),
    "label_consenso": N_("consenso"),
    "label_divisiva": N_("divisiva"),
    "label_orientata": N_("orientata"),
    "outcome_validata": N_("Validata"),
    "outcome_da_riformulare": NC_("outcome_da_riformulare", "Da riformulare"),
    "outcome_respinta": N_("Respinta"),
    "outcome_non_discussa": N_("Non discussa"),
    "report_proposals": N_("Le proposte del rapporto per questa esigenza:"),
    "need_figures": N_("Risultato: {sentence}"),
    "need_sentence": N_(
        "{voters} votanti, accordo {agreement}, ★ {stars}, lettura «{label}», consenso tra zone "
        "{consensus} su {zones} zone",
    ),
    "outcome_line": N_("Esito ({event}): {outcome}"),
    "outcome_note": N_("Nota del facilitatore ({event}):"),
    "h_voices": N_("Proposte e commenti dei partecipanti"),
    "written_by": N_("Scritto da un partecipante"),
    "kind_comment": N_("commento"),
    "kind_proposal": N_("proposta"),
    "link_suggested": N_("abbinamento suggerito"),
    "link_confirmed": N_("abbinamento confermato"),
    "similar": N_("{n} proposte simili"),
    "verbale_of": N_("Verbale del tavolo «{table}» ({event}) · {kind}"),
    "note_key_point": N_("punto chiave"),
    "note_priority": N_("priorità"),
    "note_disagreement": N_("disaccordo"),
    "note_new_need": N_("nuova esigenza"),
    "h_verbale": N_("Dai verbali dei tavoli"),
    "h_new_needs": N_("Nuove esigenze proposte dai partecipanti (asse {id})"),
    # Per zona
    "h_zones": N_("Per zona omogenea"),
    "h_zone": N_("Zona {id} — {name}"),
    "zone_facts": N_("{population} abitanti (2023), {comuni}."),
    "comuni": NN_("{n} comune", "{n} comuni"),
    "t_zone_axes": N_("Progetti localizzati nella zona {id}, per asse"),
    "col_axis": N_("Asse"),
    "zone_uncovered": N_("Strategie senza progetti localizzati nella zona: {ids}."),
    "t_convergent": N_("Vista convergente — zona {id}"),
    "convergent_intro": N_(
        "Esigenze validate in un evento e con stelle da partecipanti della zona, su assi senza progetti "
        "localizzati nella zona secondo il rapporto.",
    ),
    "convergent_none": N_("Nessuna esigenza convergente per questa zona negli eventi inclusi."),
    "col_stars": N_("★ Stelle"),
    "col_stars_zone": N_("★ Stelle dalla zona"),
    "col_voters_zone": N_("Votanti della zona"),
    "col_agreement_zone": N_("Accordo nella zona"),
    "zone_participants": N_("Partecipanti che hanno dichiarato questa zona: {n}."),
    # Questioni aperte
    "h_open": N_("Questioni aperte"),
    "open_none": N_("Nessun evento incluso: nessuna questione aperta dai partecipanti."),
    "t_reword": N_("Esigenze da riformulare"),
    "t_divisive": N_("Esigenze divisive"),
    "t_unclear": N_("Esigenze che molti hanno trovato poco chiare"),
    "col_outcome": N_("Esito"),
    "col_note": N_("Nota del facilitatore"),
    "col_event": N_("Evento"),
    "empty_list": N_("Nessuna."),
    # Nota metodologica
    "h_method": N_("Nota metodologica"),
    "h_definitions": N_("Definizioni e soglie"),
    "def_voters": N_(
        "Votanti: partecipanti che hanno dato una risposta all'esigenza (una stella da sola non è un "
        "voto).",
    ),
    "def_agreement": N_(
        "Accordo: (D'accordo + ½ In parte) / (D'accordo + In parte + In disaccordo); «Non chiaro» non è "
        "un'opinione sull'esigenza ed è contato a parte.",
    ),
    "def_label": N_(
        "Lettura, solo con almeno {min_voters} votanti (altrimenti «pochi voti»): «da riformulare» con "
        "{unclear_flag} o più «Non chiaro»; «consenso» con accordo ≥ 70 %; «divisiva» con accordo tra ⅓ "
        "e ⅔; altrimenti «orientata».",
    ),
    "def_consensus": N_(
        "Consenso tra zone (il consenso «group-aware» di Pol.is, con le zone dichiarate come gruppi): il "
        "prodotto sulle zone di (D'accordo + 1) / (risposte + 2). È alto solo se ogni zona che ha "
        "risposto è d'accordo; chi non ha dichiarato la zona non vi conta.",
    ),
    "def_stars": N_(
        "Stelle (la stella del telefono e della scheda): priorità; ogni partecipante ne può dare al "
        "massimo 3 per evento.",
    ),
    "def_outcome": N_(
        "Esito: il verdetto del facilitatore dopo l'evento (validata, da riformulare, respinta, non "
        "discussa), con la sua nota.",
    ),
    "def_convergent": N_(
        "Vista convergente: esigenze con esito «validata» in almeno un evento e stelle da partecipanti "
        "di una zona, su un asse senza progetti localizzati in quella zona secondo il rapporto.",
    ),
    "def_projects": N_(
        "Progetti: quelli che il rapporto nomina; «nelle zone scelte» conta solo quelli che il rapporto "
        "localizza in una zona; i progetti metropolitani o senza zona sono contati a parte.",
    ),
    "def_matching": N_(
        "Abbinamento dei testi alle esigenze: un commento sta sotto l'esigenza a cui risponde; una "
        "proposta sotto l'esigenza scelta da chi l'ha scritta o confermata dal facilitatore, altrimenti "
        "sotto quella suggerita dal confronto lessicale (marcata «abbinamento suggerito»). Le proposte "
        "quasi uguali sono riportate una volta con il loro numero.",
    ),
    "h_representation": N_("Quanto è rappresentativa la partecipazione"),
    "representation_none": N_("Nessun evento incluso."),
    "representation_note": N_(
        "Una quota di partecipanti molto diversa dalla quota di popolazione dice che la zona ha pesato "
        "più (o meno) dei suoi abitanti; chi non ha dichiarato la zona non è in questa tabella.",
    ),
    "h_can": N_("Cosa i dati possono e non possono dire"),
    "can_1": N_(
        "Possono dire come si sono espressi i presenti sulle esigenze del rapporto, zona per zona, e "
        "dove le priorità dei partecipanti cadono su assi senza progetti localizzati.",
    ),
    "can_2": N_(
        "Non sono un sondaggio: chi partecipa si seleziona da sé, la zona e il ruolo sono dichiarati e "
        "facoltativi, e un telefono è un partecipante per evento (non si collegano persone tra eventi).",
    ),
    "can_3": N_(
        "Il rapporto conta i progetti che nomina, non la spesa né gli effetti; una zona senza progetti "
        "localizzati può avere progetti metropolitani che la toccano.",
    ),
    "can_4": N_(
        "Gli abbinamenti suggeriti sono un confronto di parole, da confermare: non sono il giudizio di "
        "chi ha scritto.",
    ),
    # Ipotesi
    "h_scenario": N_("Ipotesi di scenario (non sono fatti del rapporto)"),
    "hypothesis": N_("IPOTESI — {name}: strategie {strategies}; {where}{need}."),
    "hyp_metro": NC_("hyp_metro", "tutta l'area metropolitana"),
    "hyp_zones": N_("zone {zones}"),
    "hyp_need": N_("; risponde a {need}"),
    # Fonti
    "h_sources": N_("Fonti"),
    "source_report": N_(
        "Città metropolitana di Torino, «Piano Strategico Metropolitano Torino 2024|2026 — Restituzione "
        "della fase preliminare» (2023): ogni citazione tra caporali è tratta da qui.",
    ),
    "source_geo": N_("Confini e popolazione 2023 delle zone: ISTAT, openpolis (CC-BY 4.0)."),
    "source_events": N_(
        "Risposte, commenti e proposte: il database degli eventi di ascolto (solo testi approvati in "
        "moderazione).",
    ),
    "page": N_("Pagina {n}"),
    "chart_table": N_("I numeri del grafico sono nella tabella «{title}»."),
}


def text(key: str, lang: str = "it", **fields: object) -> str:
    """The text for `key` in `lang` (the catalogue's, or the Italian source where it has none)."""
    value = render(TEXT[key], lang)
    return value.format(**fields) if fields else value


def text_count(key: str, n: int, lang: str = "it", **fields: object) -> str:
    """A counted text agreeing with `n` ("1 comune", "2 comuni"), in the plural form of `lang`'s catalogue."""
    return render(TEXT[key], lang, n).format(n=n, **fields)
