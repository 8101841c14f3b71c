"""UI strings: Listening events: participant, facilitator and presenter pages."""

STRINGS: dict[str, dict[str, str]] = {
    # --- navigation
    "nav_facilitate": {"it": "Eventi di ascolto", "en": "Listening events"},
    "nav_participate": {"it": "Partecipa", "en": "Take part"},
    "nav_present": {"it": "Presentazione", "en": "Presenter view"},
    # --- vocabulary
    "answer_agree": {"it": "D'accordo", "en": "Agree"},
    "answer_partly": {"it": "In parte", "en": "Partly"},
    "answer_disagree": {"it": "In disaccordo", "en": "Disagree"},
    "answer_unclear": {"it": "Non chiaro", "en": "Unclear"},
    "role_cittadino": {"it": "Cittadino/a", "en": "Citizen"},
    "role_comune": {"it": "Comune", "en": "Municipality"},
    "role_ente": {"it": "Ente o associazione", "en": "Body or association"},
    "role_impresa": {"it": "Impresa", "en": "Business"},
    "role_altro": {"it": "Altro", "en": "Other"},
    "outcome_validata": {"it": "Validata", "en": "Validated"},
    "outcome_da_riformulare": {"it": "Da riformulare", "en": "To be reworded"},
    "outcome_respinta": {"it": "Respinta", "en": "Rejected"},
    "outcome_non_discussa": {"it": "Non discussa", "en": "Not discussed"},
    "outcome_none": {"it": "Nessun esito", "en": "No outcome"},
    "label_pochi_voti": {"it": "pochi voti", "en": "too few votes"},
    "label_da_riformulare": {"it": "da riformulare", "en": "to be reworded"},
    "label_consenso": {"it": "consenso", "en": "consensus"},
    "label_divisiva": {"it": "divisiva", "en": "divisive"},
    "label_orientata": {"it": "orientata", "en": "leaning"},
    "moderation_pending": {"it": "in attesa di moderazione", "en": "awaiting moderation"},
    "moderation_approved": {"it": "approvata", "en": "approved"},
    "moderation_rejected": {"it": "non pubblicata", "en": "not published"},
    "item_pending": {"it": "da aprire", "en": "not open yet"},
    "item_open": {"it": "aperta", "en": "open"},
    "item_closed": {"it": "chiusa", "en": "closed"},
    "event_draft": {"it": "in preparazione", "en": "in preparation"},
    "event_open": {"it": "aperto", "en": "open"},
    "event_closed": {"it": "chiuso", "en": "closed"},
    "written_by_participant": {"it": "Scritto da un partecipante", "en": "Written by a participant"},
    "participants_data": {
        "it": "Risposte dei partecipanti agli eventi di ascolto: non sono dati del report.",
        "en": "Answers from participants at listening events: not data from the report.",
    },
    # --- refusals (one per psm_data.events.errors.CODES)
    "err_event_not_found": {
        "it": "Nessun evento con il codice «{event_code}». Controlla il codice sullo schermo della sala.",
        "en": "No event with the code “{event_code}”. Check the code on the screen in the hall.",
    },
    "err_event_not_open": {
        "it": "L'evento non è ancora iniziato: riprova quando il facilitatore lo apre.",
        "en": "The event has not started yet: try again when the facilitator opens it.",
    },
    "err_event_closed": {
        "it": "L'evento è chiuso: le risposte non si possono più cambiare. Grazie della partecipazione!",
        "en": "The event is closed: answers can no longer be changed. Thank you for taking part!",
    },
    "err_item_not_on_agenda": {
        "it": "L'esigenza {need_id} non è nel programma di questo evento.",
        "en": "Need {need_id} is not on this event's agenda.",
    },
    "err_item_not_open": {
        "it": "Le risposte su {need_id} non sono ancora aperte: tocca «Aggiorna» quando il facilitatore le apre.",
        "en": "Answers on {need_id} are not open yet: tap “Refresh” when the facilitator opens them.",
    },
    "err_item_closed": {
        "it": "Le risposte su {need_id} sono chiuse: la tua risposta precedente resta registrata.",
        "en": "Answers on {need_id} are closed: your earlier answer stays recorded.",
    },
    "err_star_limit": {
        "it": "Puoi dare al massimo {max_stars} ★ in questo evento: toglila da un'altra esigenza per darla a questa.",
        "en": "You can give at most {max_stars} ★ in this event: remove one from another need to give it here.",
    },
    "err_text_empty": {"it": "Il testo è vuoto.", "en": "The text is empty."},
    "err_text_too_long": {
        "it": "Il testo è troppo lungo ({length} caratteri, massimo {max_chars}).",
        "en": "The text is too long ({length} characters, at most {max_chars}).",
    },
    "err_rate_limited": {
        "it": "Hai inviato molte proposte in poco tempo (massimo {limit} ogni {minutes} minuti): riprova tra poco.",
        "en": "You sent many proposals in a short time (at most {limit} every {minutes} minutes): try again soon.",
    },
    "err_invalid_value": {
        "it": "Valore non valido per «{field}»: {value}.",
        "en": "Invalid value for “{field}”: {value}.",
    },
    "err_no_device": {
        "it": "Il browser non ha un codice anonimo: attiva i cookie e ricarica la pagina.",
        "en": "The browser has no anonymous code: enable cookies and reload the page.",
    },
    "err_store_unavailable": {
        "it": "Il database non risponde in questo momento. La tua risposta è conservata: riprova tra poco.",
        "en": "The database is not answering right now. Your answer is kept: try again shortly.",
    },
    "err_schema_outdated": {
        "it": "Il database degli eventi non è inizializzato. Avvia l'app con «make run», oppure esegui:",
        "en": "The events database is not initialised. Start the app with “make run”, or run:",
    },
    "err_proposal_axis": {"it": "Scegli l'asse della proposta.", "en": "Choose the proposal's axis."},
    "db_where": {"it": "Database: {url}", "en": "Database: {url}"},
    # --- participant (phone)
    "p_welcome": {"it": "Partecipa all'evento di ascolto", "en": "Take part in the listening event"},
    "p_welcome_text": {
        "it": "Inserisci il codice mostrato sullo schermo della sala (o inquadra il QR code).",
        "en": "Type the code shown on the screen in the hall (or scan the QR code).",
    },
    "p_code": {"it": "Codice evento", "en": "Event code"},
    "p_join": {"it": "Entra", "en": "Join"},
    "p_event_zones": {"it": "zone {zones}", "en": "zones {zones}"},
    "p_event_closed": {
        "it": "L'evento è chiuso: grazie della partecipazione! I risultati sono nella pagina «Esigenze e nuovi temi».",
        "en": "The event is closed: thank you for taking part! Results are on the “Needs and new themes” page.",
    },
    "p_event_not_started": {
        "it": "L'evento non è ancora iniziato. Tocca «Aggiorna» quando il facilitatore lo apre.",
        "en": "The event has not started yet. Tap “Refresh” when the facilitator opens it.",
    },
    "p_no_cookie": {
        "it": "Il browser non conserva i cookie: le risposte vengono salvate, ma se ricarichi la pagina non potrai "
              "più modificarle da questo telefono.",
        "en": "This browser keeps no cookies: answers are saved, but after a reload you can no longer change them "
              "from this phone.",
    },
    "p_how": {
        "it": "Per ogni esigenza dì se sei d'accordo. **Ogni risposta si salva subito** e puoi cambiarla finché "
              "l'esigenza è aperta. La ★ segna le priorità (al massimo 3). Nessun nome: sei anonimo.",
        "en": "For each need, say whether you agree. **Every answer is saved at once** and can be changed while "
              "the need is open. The ★ marks priorities (at most 3). No name: you are anonymous.",
    },
    "p_profile_title": {"it": "Chi sei (facoltativo)", "en": "About you (optional)"},
    "p_profile_help": {
        "it": "La zona e il ruolo servono solo a leggere i risultati per territorio. Puoi lasciarli vuoti.",
        "en": "Zone and role are only used to read the results by territory. You may leave them empty.",
    },
    "p_zone": {"it": "La tua zona omogenea", "en": "Your homogeneous zone"},
    "p_zone_none": {"it": "Preferisco non dirlo / nessuna", "en": "Prefer not to say / none"},
    "p_role": {"it": "Partecipi come", "en": "You take part as"},
    "p_role_none": {"it": "Preferisco non dirlo", "en": "Prefer not to say"},
    "p_profile_save": {"it": "Salva", "en": "Save"},
    "p_profile_saved": {"it": "Salvato.", "en": "Saved."},
    "p_needs_header": {"it": "Le esigenze ({open} aperte su {total})", "en": "The needs ({open} open of {total})"},
    "p_refresh": {"it": "Aggiorna", "en": "Refresh"},
    "p_refresh_help": {
        "it": "Mostra le esigenze che il facilitatore ha appena aperto o chiuso.",
        "en": "Shows the needs the facilitator has just opened or closed.",
    },
    "p_need_position": {"it": "Esigenza {n} di {total} · asse {axis}", "en": "Need {n} of {total} · axis {axis}"},
    "p_proposals": {"it": "Le {n} proposte del report", "en": "The report's {n} proposals",
                    "it_one": "La proposta del report", "en_one": "The report's proposal"},
    "p_question": {"it": "Sei d'accordo con questa esigenza?", "en": "Do you agree with this need?"},
    "p_star": {"it": "★ È una priorità", "en": "★ It is a priority"},
    "p_star_help": {"it": "Al massimo {max} ★ per evento.", "en": "At most {max} ★ per event."},
    "p_stars_used": {"it": "★ usate: {used} su {max}", "en": "★ used: {used} of {max}"},
    "p_comment": {"it": "Un commento (facoltativo)", "en": "A comment (optional)"},
    "p_comment_placeholder": {
        "it": "Breve. Niente nomi o dati personali.", "en": "Short. No names or personal data.",
    },
    "p_comment_send": {"it": "Invia commento", "en": "Send comment"},
    "p_comment_saved": {
        "it": "Commento ricevuto: sarà visibile dopo la moderazione.",
        "en": "Comment received: it will be visible after moderation.",
    },
    "p_saved": {"it": "Risposta salvata alle {time}.", "en": "Answer saved at {time}."},
    "p_retry": {"it": "Riprova a salvare", "en": "Try saving again"},
    "p_item_pending": {
        "it": "Non ancora aperta: tocca «Aggiorna» quando il facilitatore la apre.",
        "en": "Not open yet: tap “Refresh” when the facilitator opens it.",
    },
    "p_item_closed": {"it": "Chiusa. La tua risposta: {answer}", "en": "Closed. Your answer: {answer}"},
    "p_no_answer": {"it": "nessuna", "en": "none"},
    "p_propose_title": {"it": "Proponi", "en": "Propose"},
    "p_moderation_rule": {
        "it": "Proposte e commenti sono anonimi e diventano visibili alla sala solo dopo l'approvazione del "
              "facilitatore. Non saranno pubblicati testi con dati personali, offensivi o fuori tema.",
        "en": "Proposals and comments are anonymous and become visible to the room only once the facilitator "
              "approves them. Texts with personal data, offensive or off topic will not be published.",
    },
    "p_propose_text": {"it": "Un'esigenza o una proposta che manca", "en": "A need or proposal that is missing"},
    "p_propose_placeholder": {"it": "Massimo 500 caratteri.", "en": "At most 500 characters."},
    "p_propose_axis": {"it": "Asse", "en": "Axis"},
    "p_propose_zone": {"it": "Zona a cui si riferisce", "en": "Zone it refers to"},
    "p_propose_need": {"it": "Completa un'esigenza del programma?", "en": "Does it complete a need on the agenda?"},
    "p_propose_need_none": {"it": "No, è nuova", "en": "No, it is new"},
    "p_propose_send": {"it": "Invia la proposta", "en": "Send the proposal"},
    "p_propose_saved": {
        "it": "Proposta ricevuta: sarà visibile dopo la moderazione.",
        "en": "Proposal received: it will be visible after moderation.",
    },
    "p_propose_again": {"it": "Questa proposta era già stata ricevuta.", "en": "This proposal had already arrived."},
    "p_choose": {"it": "Scegli…", "en": "Choose…"},
    "p_my_proposals": {"it": "Le tue proposte ({n})", "en": "Your proposals ({n})"},
    "p_privacy": {
        "it": "Privacy: non chiediamo nomi e non registriamo indirizzi IP né il tipo di telefono. Un codice casuale, "
              "conservato nel browser, permette di ritrovare le tue risposte; nel database ne resta solo "
              "un'impronta cifrata, diversa per ogni evento.",
        "en": "Privacy: we ask for no names and record no IP addresses or phone types. A random code kept in the "
              "browser lets you find your answers again; the database keeps only an encrypted fingerprint of it, "
              "different for each event.",
    },
    # --- results
    "r_none": {"it": "nessuna risposta", "en": "no answers"},
    "r_no_votes": {"it": "Nessuna risposta finora · ★ {stars}", "en": "No answers yet · ★ {stars}"},
    "r_sentence": {
        "it": "{voters} ({parts}) · accordo {agreement} · ★ {stars} · {label}",
        "en": "{voters} ({parts}) · agreement {agreement} · ★ {stars} · {label}",
    },
    "r_col_voters": {"it": "Risposte", "en": "Answers"},
    "r_col_agreement": {"it": "Accordo %", "en": "Agreement %"},
    "r_col_label": {"it": "Lettura", "en": "Reading"},
    "r_col_zone_consensus": {"it": "Consenso tra zone", "en": "Consensus across zones"},
    "r_col_zones": {"it": "Zone", "en": "Zones"},
    "kind_comment": {"it": "Commento", "en": "Comment"},
    "kind_proposal": {"it": "Proposta", "en": "Proposal"},
    "zone_short": {"it": "zona {id}", "en": "zone {id}"},
    "qr_label": {"it": "QR code per partecipare: {url}", "en": "QR code to take part: {url}"},
    # --- facilitator
    "f_login_title": {"it": "Area facilitatore", "en": "Facilitator area"},
    "f_password": {"it": "Password del facilitatore", "en": "Facilitator password"},
    "f_login": {"it": "Entra", "en": "Sign in"},
    "f_title_page": {"it": "Eventi di ascolto", "en": "Listening events"},
    "f_intro": {
        "it": "Crea un evento, aprilo, apri e chiudi le esigenze una alla volta; modera commenti e proposte; "
              "dopo l'evento segna l'esito di ogni esigenza ed esporta i dati.",
        "en": "Create an event, open it, open and close the needs one at a time; moderate comments and proposals; "
              "after the event set each need's outcome and export the data.",
    },
    "f_event": {"it": "Evento", "en": "Event"},
    "f_no_event": {"it": "— nessun evento —", "en": "— no event —"},
    "f_view": {"it": "Vista", "en": "View"},
    "f_view_conduci": {"it": "Conduci", "en": "Run"},
    "f_view_modera": {"it": "Modera", "en": "Moderate"},
    "f_view_esiti": {"it": "Esiti", "en": "Outcomes"},
    "f_view_esporta": {"it": "Esporta e carta", "en": "Export and paper"},
    "f_view_nuovo": {"it": "Nuovo evento", "en": "New event"},
    "f_create": {"it": "Nuovo evento", "en": "New event"},
    "f_title": {"it": "Titolo", "en": "Title"},
    "f_date": {"it": "Data", "en": "Date"},
    "f_place": {"it": "Luogo", "en": "Place"},
    "f_zones": {"it": "Zone su cui si concentra", "en": "Zones it focuses on"},
    "f_agenda_axes": {"it": "Programma: le esigenze di questi assi", "en": "Agenda: the needs of these axes"},
    "f_agenda_axes_help": {
        "it": "Vuoto = tutte le 30 esigenze (se non ne scegli qui sotto).",
        "en": "Empty = all 30 needs (unless you pick some below).",
    },
    "f_agenda_needs": {"it": "…oppure queste esigenze, in quest'ordine", "en": "…or these needs, in this order"},
    "f_agenda_needs_help": {
        "it": "Se scegli esigenze qui, il programma è questo elenco.",
        "en": "If you pick needs here, the agenda is this list.",
    },
    "f_create_button": {"it": "Crea l'evento", "en": "Create the event"},
    "f_created": {
        "it": "Evento creato: codice {code}, {n} esigenze in programma.",
        "en": "Event created: code {code}, {n} needs.",
        "it_one": "Evento creato: codice {code}, {n} esigenza in programma.",
        "en_one": "Event created: code {code}, {n} need.",
    },
    "f_event_status": {"it": "Stato dell'evento", "en": "Event status"},
    "f_open_event": {"it": "Apri l'evento", "en": "Open the event"},
    "f_close_event": {"it": "Chiudi l'evento", "en": "Close the event"},
    "f_join_code": {"it": "Codice per partecipare", "en": "Join code"},
    "f_join_url": {"it": "Indirizzo per i telefoni:", "en": "Address for the phones:"},
    "f_open_presenter": {"it": "Apri la presentazione (proiettore)", "en": "Open the presenter view (projector)"},
    "f_agenda": {"it": "Programma", "en": "Agenda"},
    "f_open_all": {"it": "Apri tutte", "en": "Open all"},
    "f_close_all": {"it": "Chiudi tutte", "en": "Close all"},
    "f_open_item": {"it": "Apri", "en": "Open"},
    "f_reopen_item": {"it": "Riapri", "en": "Reopen"},
    "f_close_item": {"it": "Chiudi", "en": "Close"},
    "f_voters": {"it": "{n} risposte", "en": "{n} answers", "it_one": "{n} risposta", "en_one": "{n} answer"},
    "f_live": {
        "it": "Dal vivo: {participants} · {pending} (si aggiorna da solo)",
        "en": "Live: {participants} · {pending} (refreshes by itself)",
    },
    "f_queue": {"it": "Da moderare ({n})", "en": "To moderate ({n})"},
    "f_queue_empty": {"it": "Nessun testo in attesa.", "en": "No text waiting."},
    "f_approve": {"it": "Approva", "en": "Approve"},
    "f_reject": {"it": "Non pubblicare", "en": "Do not publish"},
    "f_moderated": {"it": "Già moderati ({n})", "en": "Already moderated ({n})"},
    "f_outcome": {"it": "Esito", "en": "Outcome"},
    "f_results_table": {"it": "Tabella dei risultati", "en": "Results table"},
    "f_exports": {"it": "Esportazioni", "en": "Exports"},
    "f_exports_help": {
        "it": "CSV UTF-8 (con BOM, per Excel): registro delle risposte con ogni modifica, sintesi per esigenza e "
              "per zona, commenti e proposte con lo stato di moderazione. Ogni riga dice source = participants e "
              "origin (web o carta).",
        "en": "UTF-8 CSV (with BOM, for Excel): the answer log with every change, summaries per need and per "
              "zone, comments and proposals with their moderation status. Every row says source = participants "
              "and origin (web or paper).",
    },
    "f_paper": {"it": "Risposte su carta", "en": "Answers on paper"},
    "f_paper_help": {
        "it": "Scarica il modello, copia una riga per esigenza e scheda (stessi codici del telefono: "
              "D'accordo / In parte / In disaccordo / Non chiaro; stella = x), poi caricalo. Ogni problema è "
              "indicato con riga e colonna; nulla viene salvato finché il file non è corretto. Ricaricare lo stesso "
              "file non duplica nulla.",
        "en": "Download the template, copy one row per need and sheet (same codes as the phone: D'accordo / In "
              "parte / In disaccordo / Non chiaro; star = x), then upload it. Each problem is named by row and "
              "column; nothing is stored until the file is correct. Uploading the same file again duplicates "
              "nothing.",
    },
    "f_paper_template": {"it": "Scarica il modello CSV", "en": "Download the CSV template"},
    "f_paper_upload": {"it": "Carica le risposte su carta (CSV)", "en": "Upload the paper answers (CSV)"},
    "f_paper_problems": {
        "it": "Il file ha {n} problemi: correggili e ricaricalo (nulla è stato salvato).",
        "en": "The file has {n} problems: fix them and upload it again (nothing was stored).",
        "it_one": "Il file ha {n} problema: correggilo e ricaricalo (nulla è stato salvato).",
        "en_one": "The file has {n} problem: fix it and upload it again (nothing was stored).",
    },
    "f_paper_ready": {
        "it": "File corretto: {rows} da {sheets}.",
        "en": "File is valid: {rows} from {sheets}.",
    },
    "f_paper_import": {"it": "Importa le risposte su carta", "en": "Import the paper answers"},
    "f_paper_done": {
        "it": "Importate: {stored} nuove o cambiate, {unchanged} già presenti.",
        "en": "Imported: {stored} new or changed, {unchanged} already there.",
    },
    # --- results on the explorer pages
    "r_box_title": {
        "it": "Risposte dei partecipanti agli eventi di ascolto (non dal report)",
        "en": "Participants' answers at listening events (not from the report)",
    },
    "r_outcome_line": {
        "it": "Esito: {outcome} — {title} ({date}, {code})",
        "en": "Outcome: {outcome} — {title} ({date}, {code})",
    },
    "r_events": {"it": "Risultati degli eventi di ascolto", "en": "Listening-event results"},
    "r_events_all": {"it": "Tutti gli eventi", "en": "All events"},
    "r_events_none": {"it": "Non mostrare", "en": "Do not show"},
    "r_events_help": {
        "it": "Le risposte raccolte dai telefoni e su carta durante gli eventi. Sono opinioni dei partecipanti, "
              "mostrate accanto ai fatti del report, mai al loro posto.",
        "en": "Answers collected from phones and on paper at the events. They are participants' opinions, shown "
              "next to the report's facts, never in their place.",
    },
    "r_table": {"it": "Tabella dei risultati dei partecipanti", "en": "Table of participants' results"},
    "r_definitions": {
        "it": "Accordo = (D'accordo + ½ In parte) / risposte con un'opinione («Non chiaro» escluso). Una lettura "
              "richiede almeno {min} risposte («pochi voti» altrimenti): consenso ≥ 70%, divisiva tra ⅓ e ⅔, da "
              "riformulare con 3 o più «Non chiaro». Consenso tra zone = prodotto sulle zone dichiarate di "
              "(D'accordo + 1) / (risposte + 2).",
        "en": "Agreement = (Agree + ½ Partly) / answers with an opinion (“Unclear” excluded). A reading needs at "
              "least {min} answers (“too few votes” otherwise): consensus ≥ 70%, divisive between ⅓ and ⅔, to be "
              "reworded with 3 or more “Unclear”. Consensus across zones = product over declared zones of "
              "(Agree + 1) / (answers + 2).",
    },
    "cov_convergent_header": {
        "it": "Vista convergente: priorità validate dove il report non ha progetti",
        "en": "Convergent view: validated priorities where the report has no project",
    },
    "cov_convergent_intro": {
        "it": "Esigenze che un evento di ascolto ha **validato** e che i partecipanti di una zona hanno segnato "
              "con la ★, su un asse che nel report non ha progetti localizzati in quella zona. Sono risposte dei "
              "partecipanti, non fatti del report.",
        "en": "Needs that a listening event **validated** and that participants from a zone marked with ★, on an "
              "axis with no project localised in that zone in the report. These are participants' answers, not "
              "facts from the report.",
    },
    "cov_convergent_none": {
        "it": "Nessuna esigenza validata e prioritaria in una zona senza progetti sul suo asse (per la selezione).",
        "en": "No validated, starred need in a zone without projects on its axis (for this selection).",
    },
    "cov_convergent_line": {
        "it": "Zona {zone} · {zone_name}: {need} — {title} (asse {axis}; ★ {stars} da partecipanti della zona)",
        "en": "Zone {zone} · {zone_name}: {need} — {title} (axis {axis}; ★ {stars} from the zone's participants)",
    },
    "r_approved_header": {
        "it": "Proposte e commenti dei partecipanti, approvati ({n})",
        "en": "Participants' proposals and comments, approved ({n})",
    },
    # --- presenter (projector)
    "pr_join_with": {
        "it": "Partecipa dal telefono: inquadra il QR code o usa il codice",
        "en": "Take part from your phone: scan the QR code or use the code",
    },
    "pr_or_open": {"it": "oppure apri", "en": "or open"},
    "pr_anonymous": {
        "it": "Anonimo, senza registrazione. Le risposte si salvano subito.",
        "en": "Anonymous, no sign-up. Answers are saved at once.",
    },
    "pr_report_title": {"it": "Cosa dice il report: {zones}", "en": "What the report says: {zones}"},
    "pr_report_source": {
        "it": "Fatti dal report della fase preliminare (interviste 2021–23): non sono risposte della sala.",
        "en": "Facts from the preliminary-phase report (2021–23 interviews): not answers from the room.",
    },
    "all_zones": {"it": "tutte le zone", "en": "all zones"},
    "pr_map_label": {
        "it": "Mappa delle 11 zone omogenee con numero e nome; colore = progetti localizzati nel report; in evidenza "
              "le zone dell'evento: {zones}",
        "en": "Map of the 11 homogeneous zones with number and name; colour = projects localised in the report; "
              "the event's zones highlighted: {zones}",
    },
    "pr_map_count": {"it": "{n} progetti", "en": "{n} projects"},
    "pr_map_count_one": {"it": "{n} progetto", "en": "{n} project"},
    "pr_map_key": {"it": "Nomi non scritti: {zones}.", "en": "Names not written: {zones}."},
    "pr_map_caption": {"it": "Colore: progetti localizzati.", "en": "Colour: projects localised."},
    "pr_map_caption_grey": {"it": "Grigio: nessuno.", "en": "Grey: none."},
    "pr_map_caption_focus": {"it": "Arancione: zone dell'evento.", "en": "Orange: the event's zones."},
    "pr_projects_in_zones": {
        "it": "{n} progetti localizzati in queste zone",
        "en": "{n} projects localised in these zones",
        "it_one": "{n} progetto localizzato in queste zone", "en_one": "{n} project localised in these zones",
    },
    "pr_strategies_missing": {
        "it": "{n} strategie su {total} senza progetti qui:", "en": "{n} of {total} strategies with no project here:",
        "it_one": "{n} strategia su {total} senza progetti qui:",
        "en_one": "{n} of {total} strategies with no project here:",
    },
    "pr_empty_axes": {
        "it": "Caselle zona × asse senza progetti: {n}", "en": "Zone × axis cells with no project: {n}",
    },
    "pr_need_position": {"it": "Esigenza {n} di {total} · asse {axis}", "en": "Need {n} of {total} · axis {axis}"},
    "pr_answered": {"it": "{n} persone hanno risposto", "en": "{n} people have answered",
                    "it_one": "{n} persona ha risposto", "en_one": "{n} person has answered"},
    "pr_item_open": {
        "it": "Risposte aperte: i risultati si vedono alla chiusura.",
        "en": "Answers open: results show when the facilitator closes them.",
    },
    "pr_item_pending": {"it": "Non ancora aperta.", "en": "Not open yet."},
    "pr_by_zone": {"it": "Per zona dichiarata", "en": "By declared zone"},
    "pr_zone_undeclared": {"it": "Zona non dichiarata", "en": "Zone not declared"},
    "pr_wall_title": {
        "it": "Dalla sala: proposte e commenti ({n})",
        "en": "From the room: proposals and comments ({n})",
    },
    "pr_wall_empty": {"it": "Ancora nessun testo approvato.", "en": "No approved text yet."},
    "pr_closing_title": {"it": "Cosa è emerso", "en": "What emerged"},
    "pr_list_consensus": {"it": "Consenso", "en": "Consensus"},
    "pr_list_divisive": {"it": "Divisive", "en": "Divisive"},
    "pr_list_unclear": {"it": "Da riformulare", "en": "To be reworded"},
    "pr_list_zones": {"it": "Consenso tra le zone", "en": "Consensus across zones"},
    "pr_none_yet": {"it": "nessuna (per ora)", "en": "none (so far)"},
    "pr_participants": {"it": "Partecipanti: {n}", "en": "Participants: {n}"},
    "pr_back": {"it": "Indietro", "en": "Back"},
    "pr_next": {"it": "Avanti", "en": "Next"},
    "pr_step": {"it": "{n} / {total}", "en": "{n} / {total}"},
    "pr_closing_figures": {
        "it": "{agreement} d'accordo · {voters} voti · ★ {stars}",
        "en": "{agreement} agree · {voters} votes · ★ {stars}",
    },
    "pr_zone_consensus_short": {"it": "tra zone {value:.2f}", "en": "across zones {value:.2f}"},
    "zone_sheet_event": {
        "it": "Evento di ascolto da stampare sulla scheda",
        "en": "Listening event to print on the sheet",
    },
    "zone_sheet_no_event": {"it": "Nessuno (solo i fatti del report)", "en": "None (the report's facts only)"},
    "zone_sheet_event_help": {
        "it": "Aggiunge il QR code dell'evento e una griglia di risposta su carta con gli stessi codici del telefono.",
        "en": "Adds the event's QR code and a paper answer grid with the same codes as the phone screen.",
    },
}
