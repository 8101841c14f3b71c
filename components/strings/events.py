"""UI strings: Listening events: participant, facilitator and presenter pages."""

from psm_data.i18n import N_, NC_, NN_, Message

STRINGS: dict[str, Message] = {
    # --- navigation
    "nav_facilitate": N_("Eventi di ascolto"),
    "nav_participate": N_("Partecipa"),
    "nav_present": N_("Presentazione"),
    # --- vocabulary
    "answer_agree": N_("D'accordo"),
    "answer_partly": N_("In parte"),
    "answer_disagree": N_("In disaccordo"),
    "answer_unclear": N_("Non chiaro"),
    "role_cittadino": N_("Cittadino/a"),
    "role_comune": N_("Comune"),
    "role_ente": N_("Ente o associazione"),
    "role_impresa": N_("Impresa"),
    "role_altro": N_("Altro"),
    "outcome_validata": N_("Validata"),
    "outcome_da_riformulare": N_("Da riformulare"),
    "outcome_respinta": N_("Respinta"),
    "outcome_non_discussa": N_("Non discussa"),
    "outcome_none": N_("Nessun esito"),
    "label_pochi_voti": N_("pochi voti"),
    "label_da_riformulare": N_("da riformulare"),
    "label_consenso": N_("consenso"),
    "label_divisiva": N_("divisiva"),
    "label_orientata": N_("orientata"),
    "moderation_pending": N_("in attesa di moderazione"),
    "moderation_approved": N_("approvata"),
    "moderation_rejected": N_("non pubblicata"),
    "item_pending": N_("da aprire"),
    "item_open": N_("aperta"),
    "item_closed": N_("chiusa"),
    "event_draft": N_("in preparazione"),
    "event_open": N_("aperto"),
    "event_closed": N_("chiuso"),
    "written_by_participant": N_("Scritto da un partecipante"),
    "participants_data": N_("Risposte dei partecipanti agli eventi di ascolto: non sono dati del report."),
    # --- refusals (one per psm_data.events.errors.CODES)
    "err_event_not_found": N_(
        "Nessun evento con il codice «{event_code}». Controlla il codice sullo schermo della sala.",
    ),
    "err_event_not_open": N_("L'evento non è ancora iniziato: riprova quando il facilitatore lo apre."),
    "err_event_closed": N_("L'evento è chiuso: le risposte non si possono più cambiare. Grazie della partecipazione!"),
    "err_item_not_on_agenda": N_("L'esigenza {need_id} non è nel programma di questo evento."),
    "err_item_not_open": N_(
        "Le risposte su {need_id} non sono ancora aperte: tocca «Aggiorna» quando il facilitatore le "
        "apre.",
    ),
    "err_item_closed": N_("Le risposte su {need_id} sono chiuse: la tua risposta precedente resta registrata."),
    "err_star_limit": N_(
        "Puoi dare al massimo {max_stars} ★ in questo evento: toglila da un'altra esigenza per darla a "
        "questa.",
    ),
    "err_text_empty": N_("Il testo è vuoto."),
    "err_text_too_long": N_("Il testo è troppo lungo ({length} caratteri, massimo {max_chars})."),
    "err_rate_limited": N_(
        "Hai inviato molte proposte in poco tempo (massimo {limit} ogni {minutes} minuti): riprova tra "
        "poco.",
    ),
    "err_invalid_value": N_("Valore non valido per «{field}»: {value}."),
    "err_no_device": N_("Il browser non ha un codice anonimo: attiva i cookie e ricarica la pagina."),
    "err_store_unavailable": N_(
        "Il database non risponde in questo momento. La tua risposta è conservata: riprova tra poco.",
    ),
    "err_schema_outdated": N_(
        "Il database degli eventi non è inizializzato. Avvia l'app con «make run», oppure esegui:",
    ),
    "err_proposal_axis": N_("Scegli l'asse della proposta."),
    "db_where": N_("Database: {url}"),
    # --- participant (phone)
    "p_welcome": N_("Partecipa all'evento di ascolto"),
    "p_welcome_text": N_("Inserisci il codice mostrato sullo schermo della sala (o inquadra il QR code)."),
    "p_code": N_("Codice evento"),
    "p_join": NC_("p_join", "Entra"),
    "p_event_zones": N_("zone {zones}"),
    "p_event_closed": N_(
        "L'evento è chiuso: grazie della partecipazione! I risultati sono nella pagina «Esigenze e nuovi "
        "temi».",
    ),
    "p_event_not_started": N_("L'evento non è ancora iniziato. Tocca «Aggiorna» quando il facilitatore lo apre."),
    "p_no_cookie": N_(
        "Il browser non conserva i cookie: le risposte vengono salvate, ma se ricarichi la pagina non "
        "potrai più modificarle da questo telefono.",
    ),
    "p_how": N_(
        "Per ogni esigenza dì se sei d'accordo. **Ogni risposta si salva subito** e puoi cambiarla "
        "finché l'esigenza è aperta. La ★ segna le priorità (al massimo 3). Nessun nome: sei anonimo.",
    ),
    "p_profile_title": N_("Chi sei (facoltativo)"),
    "p_profile_help": N_("La zona e il ruolo servono solo a leggere i risultati per territorio. Puoi lasciarli vuoti."),
    "p_zone": N_("La tua zona omogenea"),
    "p_zone_none": N_("Preferisco non dirlo / nessuna"),
    "p_role": N_("Partecipi come"),
    "p_role_none": N_("Preferisco non dirlo"),
    "p_profile_save": N_("Salva"),
    "p_profile_saved": N_("Salvato."),
    "p_needs_header": N_("Le esigenze ({open} aperte su {total})"),
    "p_refresh": N_("Aggiorna"),
    "p_refresh_help": N_("Mostra le esigenze che il facilitatore ha appena aperto o chiuso."),
    "p_need_position": N_("Esigenza {n} di {total} · asse {axis}"),
    "p_proposals": NN_("La proposta del report", "Le {n} proposte del report"),
    "p_question": N_("Sei d'accordo con questa esigenza?"),
    "p_star": N_("★ È una priorità"),
    "p_star_help": N_("Al massimo {max} ★ per evento."),
    "p_stars_used": N_("★ usate: {used} su {max}"),
    "p_comment": N_("Un commento (facoltativo)"),
    "p_comment_placeholder": N_("Breve. Niente nomi o dati personali."),
    "p_comment_send": N_("Invia commento"),
    "p_comment_saved": N_("Commento ricevuto: sarà visibile dopo la moderazione."),
    "p_saved": N_("Risposta salvata alle {time}."),
    "p_retry": N_("Riprova a salvare"),
    "p_item_pending": N_("Non ancora aperta: tocca «Aggiorna» quando il facilitatore la apre."),
    "p_item_closed": N_("Chiusa. La tua risposta: {answer}"),
    "p_no_answer": N_("nessuna"),
    "p_propose_title": N_("Proponi"),
    "p_moderation_rule": N_(
        "Proposte e commenti sono anonimi e diventano visibili alla sala solo dopo l'approvazione del "
        "facilitatore. Non saranno pubblicati testi con dati personali, offensivi o fuori tema.",
    ),
    "p_propose_text": N_("Un'esigenza o una proposta che manca"),
    "p_propose_placeholder": N_("Massimo 500 caratteri."),
    "p_propose_axis": N_("Asse"),
    "p_propose_zone": N_("Zona a cui si riferisce"),
    "p_propose_need": N_("Completa un'esigenza del programma?"),
    "p_propose_need_none": N_("No, è nuova"),
    "p_propose_send": N_("Invia la proposta"),
    "p_propose_saved": N_("Proposta ricevuta: sarà visibile dopo la moderazione."),
    "p_propose_again": N_("Questa proposta era già stata ricevuta."),
    "p_choose": N_("Scegli…"),
    "p_my_proposals": N_("Le tue proposte ({n})"),
    "p_privacy": N_(
        "Privacy: non chiediamo nomi e non registriamo indirizzi IP né il tipo di telefono. Un codice "
        "casuale, conservato nel browser, permette di ritrovare le tue risposte; nel database ne resta "
        "solo un'impronta cifrata, diversa per ogni evento.",
    ),
    # --- results
    "r_none": N_("nessuna risposta"),
    "r_no_votes": N_("Nessuna risposta finora · ★ {stars}"),
    "r_sentence": N_("{voters} ({parts}) · accordo {agreement} · ★ {stars} · {label}"),
    "r_col_voters": N_("Risposte"),
    "r_col_agreement": N_("Accordo %"),
    "r_col_label": N_("Lettura"),
    "r_col_zone_consensus": N_("Consenso tra zone"),
    "r_col_zones": N_("Zone"),
    "kind_comment": N_("Commento"),
    "kind_proposal": N_("Proposta"),
    "zone_short": N_("zona {id}"),
    "qr_label": N_("QR code per partecipare: {url}"),
    # --- facilitator
    "f_login_title": N_("Area facilitatore"),
    "f_password": N_("Password del facilitatore"),
    "f_login": NC_("f_login", "Entra"),
    "f_title_page": N_("Eventi di ascolto"),
    "f_intro": N_(
        "Crea un evento, aprilo, apri e chiudi le esigenze una alla volta; modera commenti e proposte; "
        "dopo l'evento segna l'esito di ogni esigenza ed esporta i dati.",
    ),
    "f_event": N_("Evento"),
    "f_no_event": N_("— nessun evento —"),
    "f_view": N_("Vista"),
    "f_view_conduci": N_("Conduci"),
    "f_view_modera": N_("Modera"),
    "f_view_esiti": N_("Esiti"),
    "f_view_esporta": N_("Esporta e carta"),
    "f_view_nuovo": N_("Nuovo evento"),
    "f_create": N_("Nuovo evento"),
    "f_title": N_("Titolo"),
    "f_date": N_("Data"),
    "f_place": N_("Luogo"),
    "f_zones": N_("Zone su cui si concentra"),
    "f_agenda_axes": N_("Programma: le esigenze di questi assi"),
    "f_agenda_axes_help": N_("Vuoto = tutte le 30 esigenze (se non ne scegli qui sotto)."),
    "f_agenda_needs": N_("…oppure queste esigenze, in quest'ordine"),
    "f_agenda_needs_help": N_("Se scegli esigenze qui, il programma è questo elenco."),
    "f_create_button": N_("Crea l'evento"),
    "f_created": NN_(
        "Evento creato: codice {code}, {n} esigenza in programma.",
        "Evento creato: codice {code}, {n} esigenze in programma.",
    ),
    "f_event_status": N_("Stato dell'evento"),
    "f_open_event": N_("Apri l'evento"),
    "f_close_event": N_("Chiudi l'evento"),
    "f_join_code": N_("Codice per partecipare"),
    "f_join_url": N_("Indirizzo per i telefoni:"),
    "f_open_presenter": N_("Apri la presentazione (proiettore)"),
    "f_agenda": N_("Programma"),
    "f_open_all": N_("Apri tutte"),
    "f_close_all": N_("Chiudi tutte"),
    "f_open_item": N_("Apri"),
    "f_reopen_item": N_("Riapri"),
    "f_close_item": N_("Chiudi"),
    "f_voters": NN_("{n} risposta", "{n} risposte"),
    "f_live": N_("Dal vivo: {participants} · {pending} (si aggiorna da solo)"),
    "f_queue": N_("Da moderare ({n})"),
    "f_queue_empty": N_("Nessun testo in attesa."),
    "f_approve": N_("Approva"),
    "f_reject": N_("Non pubblicare"),
    "f_moderated": N_("Già moderati ({n})"),
    "f_outcome": N_("Esito"),
    "f_results_table": N_("Tabella dei risultati"),
    "f_exports": N_("Esportazioni"),
    "f_exports_help": N_(
        "CSV UTF-8 (con BOM, per Excel): registro delle risposte con ogni modifica, sintesi per esigenza "
        "e per zona, commenti e proposte con lo stato di moderazione. Ogni riga dice source = "
        "participants e origin (web o carta).",
    ),
    "f_paper": N_("Risposte su carta"),
    "f_paper_help": N_(
        "Scarica il modello, copia una riga per esigenza e scheda (stessi codici del telefono: D'accordo "
        "/ In parte / In disaccordo / Non chiaro; stella = x), poi caricalo. Ogni problema è indicato "
        "con riga e colonna; nulla viene salvato finché il file non è corretto. Ricaricare lo stesso "
        "file non duplica nulla.",
    ),
    "f_paper_template": N_("Scarica il modello CSV"),
    "f_paper_upload": N_("Carica le risposte su carta (CSV)"),
    "f_paper_problems": NN_(
        "Il file ha {n} problema: correggilo e ricaricalo (nulla è stato salvato).",
        "Il file ha {n} problemi: correggili e ricaricalo (nulla è stato salvato).",
    ),
    "f_paper_ready": N_("File corretto: {rows} da {sheets}."),
    "f_paper_import": N_("Importa le risposte su carta"),
    "f_paper_done": N_("Importate: {stored} nuove o cambiate, {unchanged} già presenti."),
    # --- results on the explorer pages
    "r_box_title": N_("Risposte dei partecipanti agli eventi di ascolto (non dal report)"),
    "r_outcome_line": N_("Esito: {outcome} — {title} ({date}, {code})"),
    "r_events": N_("Risultati degli eventi di ascolto"),
    "r_events_all": N_("Tutti gli eventi"),
    "r_events_none": N_("Non mostrare"),
    "r_events_help": N_(
        "Le risposte raccolte dai telefoni e su carta durante gli eventi. Sono opinioni dei "
        "partecipanti, mostrate accanto ai fatti del report, mai al loro posto.",
    ),
    "r_table": N_("Tabella dei risultati dei partecipanti"),
    "r_definitions": N_(
        "Accordo = (D'accordo + ½ In parte) / risposte con un'opinione («Non chiaro» escluso). Una "
        "lettura richiede almeno {min} risposte («pochi voti» altrimenti): consenso ≥ 70%, divisiva tra "
        "⅓ e ⅔, da riformulare con 3 o più «Non chiaro». Consenso tra zone = prodotto sulle zone "
        "dichiarate di (D'accordo + 1) / (risposte + 2).",
    ),
    "cov_convergent_header": N_("Vista convergente: priorità validate dove il report non ha progetti"),
    "cov_convergent_intro": N_(
        "Esigenze che un evento di ascolto ha **validato** e che i partecipanti di una zona hanno "
        "segnato con la ★, su un asse che nel report non ha progetti localizzati in quella zona. Sono "
        "risposte dei partecipanti, non fatti del report.",
    ),
    "cov_convergent_none": N_(
        "Nessuna esigenza validata e prioritaria in una zona senza progetti sul suo asse (per la "
        "selezione).",
    ),
    "cov_convergent_line": N_(
        "Zona {zone} · {zone_name}: {need} — {title} (asse {axis}; ★ {stars} da partecipanti della zona)",
    ),
    "r_approved_header": N_("Proposte e commenti dei partecipanti, approvati ({n})"),
    # --- presenter (projector)
    "pr_join_with": N_("Partecipa dal telefono: inquadra il QR code o usa il codice"),
    "pr_or_open": N_("oppure apri"),
    "pr_anonymous": N_("Anonimo, senza registrazione. Le risposte si salvano subito."),
    "pr_report_title": N_("Cosa dice il report: {zones}"),
    "pr_report_source": N_(
        "Fatti dal report della fase preliminare (interviste 2021–23): non sono risposte della sala.",
    ),
    "all_zones": N_("tutte le zone"),
    "pr_map_label": N_(
        "Mappa delle 11 zone omogenee con numero e nome; colore = progetti localizzati nel report; in "
        "evidenza le zone dell'evento: {zones}",
    ),
    "pr_map_count": NN_("{n} progetto", "{n} progetti"),
    "pr_map_key": N_("Nomi non scritti: {zones}."),
    "pr_map_caption": N_("Colore: progetti localizzati."),
    "pr_map_caption_grey": N_("Grigio: nessuno."),
    "pr_map_caption_focus": N_("Arancione: zone dell'evento."),
    "pr_projects_in_zones": NN_("{n} progetto localizzato in queste zone", "{n} progetti localizzati in queste zone"),
    "pr_strategies_missing": NN_(
        "{n} strategia su {total} senza progetti qui:",
        "{n} strategie su {total} senza progetti qui:",
    ),
    "pr_empty_axes": N_("Caselle zona × asse senza progetti: {n}"),
    "pr_need_position": N_("Esigenza {n} di {total} · asse {axis}"),
    "pr_answered": NN_("{n} persona ha risposto", "{n} persone hanno risposto"),
    "pr_item_open": N_("Risposte aperte: i risultati si vedono alla chiusura."),
    "pr_item_pending": N_("Non ancora aperta."),
    "pr_by_zone": N_("Per zona dichiarata"),
    "pr_zone_undeclared": N_("Zona non dichiarata"),
    "pr_wall_title": N_("Dalla sala: proposte e commenti ({n})"),
    "pr_wall_empty": N_("Ancora nessun testo approvato."),
    "pr_closing_title": N_("Cosa è emerso"),
    "pr_list_consensus": N_("Consenso"),
    "pr_list_divisive": N_("Divisive"),
    "pr_list_unclear": N_("Da riformulare"),
    "pr_list_zones": N_("Consenso tra le zone"),
    "pr_none_yet": N_("nessuna (per ora)"),
    "pr_participants": N_("Partecipanti: {n}"),
    "pr_back": N_("Indietro"),
    "pr_next": N_("Avanti"),
    "pr_step": N_("{n} / {total}"),
    "pr_closing_figures": N_("{agreement} d'accordo · {voters} voti · ★ {stars}"),
    "zone_sheet_event": N_("Evento di ascolto da stampare sulla scheda"),
    "zone_sheet_no_event": N_("Nessuno (solo i fatti del report)"),
    "zone_sheet_event_help": N_(
        "Aggiunge il QR code dell'evento e una griglia di risposta su carta con gli stessi codici del "
        "telefono.",
    ),
}
