"""UI strings of the thematic tables, the hall's network address, the finished projector and the Italian pass."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- the address the hall can open
    "addr_local": {
        "it": "I telefoni della sala non possono aprire {url}: è l'indirizzo di questo computer, non della rete. "
              "Scegli qui sotto l'indirizzo del server sulla rete locale per i codici QR.",
        "en": "The hall's phones cannot open {url}: it is this computer's own address, not the network's. "
              "Choose the server's local network address below for the QR codes.",
    },
    "addr_chosen": {
        "it": "I codici QR usano l'indirizzo di rete {url}: i telefoni collegati alla stessa rete Wi-Fi lo aprono.",
        "en": "The QR codes use the network address {url}: phones on the same Wi-Fi network can open it.",
    },
    "addr_local_short": {"it": "Il QR dice {url}: i telefoni non lo aprono. Scegli l'indirizzo di rete",
                         "en": "The QR says {url}: phones cannot open it. Choose the network address"},
    "addr_choose": {"it": "Indirizzo per i codici QR", "en": "Address for the QR codes"},
    "addr_keep_local": {"it": "{url} (solo questo computer)", "en": "{url} (this computer only)"},
    "addr_none_found": {
        "it": "Nessun indirizzo di rete trovato: collega il computer alla rete Wi-Fi della sala, oppure imposta "
              "{env} all'avvio.",
        "en": "No network address found: connect this computer to the hall's Wi-Fi, or set {env} at start-up.",
    },
    "addr_help": {
        "it": "Indirizzi trovati su questo computer, senza contattare internet. La scelta vale per tutto il server "
              "(proiettore e schede comprese) fino al riavvio; {env} la fissa all'avvio.",
        "en": "Addresses found on this computer, without contacting the internet. The choice holds for the whole "
              "server (projector and sheets included) until it restarts; {env} fixes it at start-up.",
    },
}

STRINGS.update({
    # ---------------------------------------------------------------- paper import problems (psm_data/events/paper.py)
    "paper_where": {"it": "{file}", "en": "{file}"},
    "paper_where_row": {"it": "{file}, riga {row}", "en": "{file}, row {row}"},
    "paper_where_column": {"it": "{file}, colonna '{column}'", "en": "{file}, column '{column}'"},
    "paper_where_row_column": {"it": "{file}, riga {row}, colonna '{column}'",
                               "en": "{file}, row {row}, column '{column}'"},
    "paper_not_utf8": {"it": "non è testo UTF-8 (byte {byte}): salvalo come 'CSV UTF-8'",
                       "en": "not UTF-8 text (byte {byte}): save it as 'CSV UTF-8'"},
    "paper_empty_file": {"it": "il file è vuoto: parti dal modello",
                         "en": "the file is empty: start from the template"},
    "paper_not_csv": {"it": "non si legge come CSV ({detail})", "en": "cannot be read as CSV ({detail})"},
    "paper_missing_columns": {"it": "mancano le colonne {missing}; attese: {expected}",
                              "en": "missing column(s) {missing}; expected: {expected}"},
    "paper_too_many_rows": {"it": "{rows} righe: al massimo {max_rows} per file",
                            "en": "{rows} rows: at most {max_rows} per file"},
    "paper_wrong_width": {"it": "{values} valori, ma l'intestazione ha {columns} colonne",
                          "en": "{values} values but the header has {columns} columns"},
    "paper_empty_value": {"it": "valore vuoto", "en": "empty value"},
    "paper_too_long": {"it": "più lungo di {max_chars} caratteri", "en": "longer than {max_chars} characters"},
    "paper_not_on_agenda": {"it": "'{value}' non è nel programma di questo evento ({agenda})",
                            "en": "'{value}' is not on this event's agenda ({agenda})"},
    "paper_not_a_zone": {"it": "'{value}' non è una zona (da 1 a 11, oppure vuoto)",
                         "en": "'{value}' is not a zone (1–11, or empty)"},
    "paper_not_a_role": {"it": "'{value}' non è un ruolo: usa uno tra {allowed} (oppure lascia vuoto)",
                         "en": "'{value}' is not a role: use one of {allowed} (or leave it empty)"},
    "paper_not_an_answer": {"it": "'{value}' non è una risposta: usa una tra {allowed} (oppure lascia vuoto)",
                            "en": "'{value}' is not an answer: use one of {allowed} (or leave it empty)"},
    "paper_not_a_star": {"it": "'{value}' non è un segno di stella: usa x (o ★) oppure lascia vuoto",
                         "en": "'{value}' is not a star mark: use x (or ★) or leave it empty"},
    "paper_duplicate_answer": {"it": "la scheda '{sheet}' risponde già a {need_id} alla riga {first_row}",
                               "en": "sheet '{sheet}' already answers {need_id} on row {first_row}"},
    "paper_profile_differs": {"it": "la scheda '{sheet}' ha un'altra zona o un altro ruolo alla riga {first_row}",
                              "en": "sheet '{sheet}' has another zone or role on row {first_row}"},
    "paper_too_many_stars": {"it": "la scheda '{sheet}' dà più di {max_stars} ★",
                             "en": "sheet '{sheet}' gives more than {max_stars} ★"},
    "paper_all_blank": {"it": "nessuna risposta trovata: tutte le righe sono vuote",
                        "en": "no answers found: every row is blank"},
})

STRINGS.update({
    # ---------------------------------------------------------------- counts that agree with their noun (tn)
    "n_answers": {"it": "{n} risposte", "en": "{n} answers", "it_one": "{n} risposta", "en_one": "{n} answer"},
    "n_participants": {"it": "{n} partecipanti", "en": "{n} participants", "it_one": "{n} partecipante",
                       "en_one": "{n} participant"},
    "n_texts_to_moderate": {"it": "{n} testi da moderare", "en": "{n} texts to moderate",
                            "it_one": "{n} testo da moderare", "en_one": "{n} text to moderate"},
    "n_rows": {"it": "{n} righe", "en": "{n} rows", "it_one": "{n} riga", "en_one": "{n} row"},
    "n_sheets": {"it": "{n} schede", "en": "{n} sheets", "it_one": "{n} scheda", "en_one": "{n} sheet"},
    "n_paper_stored": {"it": "{n} risposte", "en": "{n} answers", "it_one": "{n} risposta", "en_one": "{n} answer"},
    "n_items": {"it": "{n} elementi", "en": "{n} items", "it_one": "{n} elemento", "en_one": "{n} item"},
    "n_needs": {"it": "{n} esigenze", "en": "{n} needs", "it_one": "{n} esigenza", "en_one": "{n} need"},
    # ---------------------------------------------------------------- Streamlit's own texts, in our words
    "choose_options": {"it": "Scegli una o più voci", "en": "Choose options"},
    "choose_option": {"it": "Scegli", "en": "Choose an option"},
    "help_for": {"it": "Aiuto: ", "en": "Help for "},
    "select_open": {"it": "Apri l'elenco", "en": "Open"},
    "uploader_drop": {"it": "Trascina qui il file", "en": "Drag and drop a file here"},
    "uploader_button": {"it": "Carica", "en": "Upload"},
    "uploader_limit": {"it": "Al massimo {size} per file", "en": "At most {size} per file"},
})

STRINGS.update({
    # ---------------------------------------------------------------- projector: wall and closing
    "pr_wall_page": {"it": "testi {first}–{last} di {total} (pagina {page} di {pages}, si gira da sola)",
                     "en": "texts {first}–{last} of {total} (page {page} of {pages}, turns by itself)"},
    "pr_participants_n": {"it": "{n} partecipanti", "en": "{n} participants", "it_one": "{n} partecipante",
                          "en_one": "{n} participant"},
    "pr_readings_heading": {"it": "Letture automatiche delle risposte", "en": "Automatic readings of the answers"},
    "pr_list_consensus_auto": {"it": "Ampio accordo", "en": "Broad agreement"},
    "pr_list_divisive_auto": {"it": "Sala divisa", "en": "Room divided"},
    "pr_list_unclear_auto": {"it": "Poco chiare per molti", "en": "Unclear to many"},
    "pr_list_zones_auto": {"it": "Accordo in tutte le zone", "en": "Agreement in every zone"},
    "pr_list_range": {"it": "{first}–{last} di {total}", "en": "{first}–{last} of {total}"},
    "pr_list_more": {"it": "Altre", "en": "More"},
    "pr_list_more_help": {"it": "Mostra le esigenze successive di questo elenco.",
                          "en": "Show the next needs of this list."},
    "pr_unclear_count": {"it": "{n} «Non chiaro»", "en": "{n} 'Unclear'", "it_one": "{n} «Non chiaro»",
                         "en_one": "{n} 'Unclear'"},
    "pr_zone_consensus_value": {"it": "tra zone {value}", "en": "across zones {value}"},
    "pr_zones_explained": {
        "it": "«Tra zone» è un indice da 0 a 1: il prodotto, zona per zona, della quota di «D'accordo»; è alto solo se "
              "ogni zona dichiarata è d'accordo.",
        "en": "'Across zones' is an index from 0 to 1: the product, zone by zone, of the share of 'Agree'; it is "
              "high only if every declared zone agrees.",
    },
    "pr_outcomes_heading": {"it": "Esiti decisi dal facilitatore", "en": "Outcomes set by the facilitator"},
    "pr_outcomes_none": {"it": "Nessun esito ancora deciso.", "en": "No outcome set yet."},
})

STRINGS.update({
    # ---------------------------------------------------------------- refusals of the tables' store
    "err_table_not_found": {"it": "Il tavolo {table} non esiste in questo evento.",
                            "en": "Table {table} does not exist in this event."},
    "err_table_no_needs": {"it": "Un tavolo ha bisogno di almeno un'esigenza del programma: scegli un asse che ne "
                                 "ha, oppure le esigenze una per una.",
                           "en": "A table needs at least one need of the agenda: choose an axis that has some, or "
                                 "pick the needs one by one."},
    "err_need_on_other_table": {"it": "L'esigenza {need_id} è del tavolo «{table}»: ogni esigenza sta su un solo "
                                      "tavolo.",
                                "en": "Need {need_id} belongs to table '{table}': each need sits at one table only."},
    "err_pin_locked": {"it": "Troppi PIN sbagliati per questo tavolo: riprova tra {seconds} secondi.",
                       "en": "Too many wrong PINs for this table: try again in {seconds} seconds."},
    "err_note_axis_needed": {"it": "Una nuova esigenza ha bisogno del suo asse.",
                             "en": "A new need needs its axis."},
    "err_note_not_found": {"it": "Questo punto del verbale non esiste più.",
                           "en": "This point of the minutes no longer exists."},
})

STRINGS.update({
    # ---------------------------------------------------------------- tables: facilitator
    "f_view_tavoli": {"it": "Tavoli", "en": "Tables"},
    "tv_intro": {
        "it": "Tavoli tematici: ogni tavolo ha le sue esigenze (un asse, o scelte una per una), un conduttore che "
              "entra con il PIN del tavolo, apre e chiude le esigenze del tavolo e scrive il verbale. I telefoni "
              "scelgono il tavolo (o ne inquadrano il QR). Le esigenze senza tavolo restano in plenaria.",
        "en": "Thematic tables: each table has its needs (an axis, or picked one by one), a host who signs in with "
              "the table's PIN, opens and closes the table's needs and writes its minutes. Phones choose a table "
              "(or scan its QR). Needs at no table stay in the plenary.",
    },
    "tv_table_label": {"it": "Tavolo {n} · {name}", "en": "Table {n} · {name}"},
    "tv_create": {"it": "Nuovo tavolo", "en": "New table"},
    "tv_name": {"it": "Nome del tavolo", "en": "Table name"},
    "tv_host": {"it": "Conduttore (nome, facoltativo)", "en": "Host (name, optional)"},
    "tv_host_help": {"it": "Chi conduce il tavolo: un volontario, senza la password del facilitatore.",
                     "en": "Who hosts the table: a volunteer, without the facilitator's password."},
    "tv_by_axis": {"it": "Esigenze di un asse", "en": "Needs of an axis"},
    "tv_by_axis_none": {"it": "Scegli un asse", "en": "Choose an axis"},
    "tv_by_hand": {"it": "Oppure esigenze scelte una per una", "en": "Or needs picked one by one"},
    "tv_by_hand_help": {"it": "Se ne scegli, contano queste e non l'asse. Ogni esigenza sta su un solo tavolo.",
                        "en": "If you pick some, these count, not the axis. Each need sits at one table only."},
    "tv_create_button": {"it": "Crea il tavolo", "en": "Create the table"},
    "tv_all_needs_taken": {"it": "Ogni esigenza del programma è già su un tavolo.",
                           "en": "Every need of the agenda is already at a table."},
    "tv_created": {"it": "Tavolo «{name}» creato con {n} esigenze.", "en": "Table '{name}' created with {n} needs.",
                   "it_one": "Tavolo «{name}» creato con {n} esigenza.",
                   "en_one": "Table '{name}' created with {n} need."},
    "tv_host_is": {"it": "Conduttore: {name}", "en": "Host: {name}"},
    "tv_host_none": {"it": "Conduttore non indicato", "en": "No host named"},
    "tv_needs_list": {"it": "esigenze: {needs}", "en": "needs: {needs}"},
    "tv_pin_is": {"it": "PIN del tavolo: **{pin}**", "en": "Table PIN: **{pin}**"},
    "tv_pin_once": {"it": "Dallo al conduttore: si vede solo qui, in questa sessione (il database ne tiene solo "
                          "un'impronta). Se si perde, crea un nuovo PIN.",
                    "en": "Give it to the host: it shows only here, in this session (the database keeps only a "
                          "fingerprint). If lost, make a new PIN."},
    "tv_new_pin": {"it": "Nuovo PIN", "en": "New PIN"},
    "tv_host_link": {"it": "Pagina del conduttore", "en": "Host's page"},
    "tv_host_link_help": {"it": "Da aprire sul telefono del conduttore: {path}",
                          "en": "To open on the host's phone: {path}"},
    "tv_qr_label": {"it": "QR code del tavolo {n}: {url}", "en": "QR code of table {n}: {url}"},
    "tv_paper_template": {"it": "Modello cartaceo del tavolo (CSV)", "en": "The table's paper template (CSV)"},
    "tv_exports": {"it": "Esporta i tavoli", "en": "Export the tables"},
    "tv_exports_help": {
        "it": "CSV UTF-8: i tavoli, i verbali (parole dei conduttori, source = table_host) con la loro storia e i "
              "risultati di ogni tavolo (risposte dei partecipanti, source = participants). Il modello cartaceo "
              "dell'intero evento è in «Esporta e carta».",
        "en": "UTF-8 CSVs: the tables, the minutes (the hosts' words, source = table_host) with their history, "
              "and each table's results (participants' answers, source = participants). The whole event's paper "
              "template is under 'Export and paper'.",
    },
    "tv_progress": {"it": "I tavoli, dal vivo", "en": "The tables, live"},
    "tv_progress_help": {"it": "Si aggiorna da solo ogni 5 secondi.", "en": "Refreshes by itself every 5 seconds."},
    "tv_col_table": {"it": "Tavolo", "en": "Table"},
    "tv_col_phones": {"it": "Telefoni", "en": "Phones"},
    "tv_col_open": {"it": "Aperte", "en": "Open"},
    "tv_col_closed": {"it": "Chiuse", "en": "Closed"},
    "tv_col_answers": {"it": "Risposte", "en": "Answers"},
    "tv_col_points": {"it": "Punti del verbale", "en": "Minutes points"},
    # ---------------------------------------------------------------- tables: the host's page
    "nav_table_host": {"it": "Tavolo", "en": "Table"},
    "th_title": {"it": "Tavolo {n} · {name}", "en": "Table {n} · {name}"},
    "th_pin_intro": {"it": "Sei il conduttore di questo tavolo? Scrivi il PIN che ti ha dato il facilitatore.",
                     "en": "Are you this table's host? Type the PIN the facilitator gave you."},
    "th_pin": {"it": "PIN del tavolo", "en": "Table PIN"},
    "th_login": {"it": "Entra", "en": "Sign in"},
    "th_pin_wrong": {"it": "PIN sbagliato.", "en": "Wrong PIN."},
    "th_table_missing": {"it": "Questo tavolo non esiste: controlla il collegamento.",
                         "en": "This table does not exist: check the link."},
    "th_intro": {"it": "Apri un'esigenza quando il tavolo ne parla, chiudila quando ha finito: i telefoni del "
                       "tavolo la seguono. Scrivi il verbale mentre si discute.",
                 "en": "Open a need when the table discusses it, close it when done: the table's phones follow. "
                       "Write the minutes while the table talks."},
    "th_needs": {"it": "Le esigenze del tavolo", "en": "The table's needs"},
    "th_phones": {"it": "{n} telefoni seduti a questo tavolo", "en": "{n} phones seated at this table",
                  "it_one": "{n} telefono seduto a questo tavolo", "en_one": "{n} phone seated at this table"},
    "th_verbale": {"it": "Verbale del tavolo", "en": "The table's minutes"},
    "th_verbale_help": {
        "it": "Un punto per idea: punto chiave, priorità condivisa, disaccordo o nuova esigenza (con il suo asse). "
              "Si salva quando lasci il campo e con «Salva»; ogni versione resta nella storia.",
        "en": "One point per idea: key point, agreed priority, disagreement or new need (with its axis). It is "
              "saved when you leave the field and with 'Save'; every version stays in the history.",
    },
    "th_kind": {"it": "Tipo", "en": "Kind"},
    "th_need": {"it": "Esigenza", "en": "Need"},
    "th_need_none": {"it": "Il tavolo in generale", "en": "The table in general"},
    "th_axis": {"it": "Asse della nuova esigenza", "en": "The new need's axis"},
    "th_text": {"it": "Testo", "en": "Text"},
    "th_text_placeholder": {"it": "Cosa ha detto il tavolo…", "en": "What the table said…"},
    "th_save": {"it": "Salva", "en": "Save"},
    "th_delete": {"it": "Elimina", "en": "Delete"},
    "th_add": {"it": "Aggiungi al verbale", "en": "Add to the minutes"},
    "th_new_point": {"it": "Nuovo punto", "en": "New point"},
    "th_saved": {"it": "Salvato nel database alle {time} (versione {revision}).",
                 "en": "Saved in the database at {time} (version {revision})."},
    "th_saved_at": {"it": "Salvato (versione {revision}).", "en": "Saved (version {revision})."},
    "th_history": {"it": "Storia ({n} versioni)", "en": "History ({n} versions)"},
    "th_deleted": {"it": "eliminato", "en": "deleted"},
    "note_key_point": {"it": "Punto chiave", "en": "Key point"},
    "note_priority": {"it": "Priorità condivisa", "en": "Agreed priority"},
    "note_disagreement": {"it": "Disaccordo", "en": "Disagreement"},
    "note_new_need": {"it": "Nuova esigenza", "en": "New need"},
    "notes_key_point": {"it": "Punti chiave", "en": "Key points"},
    "notes_priority": {"it": "Priorità condivise", "en": "Agreed priorities"},
    "notes_disagreement": {"it": "Disaccordi", "en": "Disagreements"},
    "notes_new_need": {"it": "Nuove esigenze", "en": "New needs"},
    # ---------------------------------------------------------------- tables: phones
    "p_table": {"it": "Il tuo tavolo", "en": "Your table"},
    "p_table_placeholder": {"it": "Scegli il tavolo", "en": "Choose your table"},
    "p_table_help": {"it": "Puoi cambiare tavolo quando vuoi: le tue risposte restano.",
                     "en": "You can change table at any time: your answers stay."},
    "p_table_choose_first": {"it": "Scegli il tuo tavolo per vederne le esigenze.",
                             "en": "Choose your table to see its needs."},
    # ---------------------------------------------------------------- tables: projector
    "pr_report_back": {"it": "Dal tavolo {n} · {name}", "en": "From table {n} · {name}"},
    "pr_report_back_host": {"it": "conduttore: {name}", "en": "host: {name}"},
    "pr_report_back_sources": {"it": "a sinistra le risposte dei partecipanti, a destra il verbale del tavolo",
                               "en": "left, participants' answers; right, the table's minutes"},
    "pr_report_back_not_closed": {"it": "Risultati alla chiusura: {needs}", "en": "Results when closed: {needs}"},
    "pr_report_back_line": {"it": "accordo {agreement} · {voters} · ★ {stars} · {label}",
                            "en": "agreement {agreement} · {voters} · ★ {stars} · {label}"},
    "pr_report_back_more_needs": {"it": "e altre {n} esigenze chiuse nei risultati esportati",
                                  "en": "and {n} more closed needs in the exported results",
                                  "it_one": "e un'altra esigenza chiusa nei risultati esportati",
                                  "en_one": "and one more closed need in the exported results"},
    "pr_report_back_general": {"it": "Tavolo", "en": "Table"},
    "pr_report_back_no_notes": {"it": "Verbale ancora vuoto.", "en": "No minutes yet."},
    "pr_report_back_more": {"it": "e altri {n} punti nel verbale esportato",
                            "en": "and {n} more points in the exported minutes",
                            "it_one": "e un altro punto nel verbale esportato",
                            "en_one": "and one more point in the exported minutes"},
})
