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
    "uploader_drop": {"it": "Trascina qui il file", "en": "Drag and drop a file here"},
    "uploader_button": {"it": "Carica", "en": "Upload"},
    "uploader_limit": {"it": "Al massimo 1 MB per file · CSV", "en": "At most 1 MB per file · CSV"},
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
    "pr_zone_consensus_value": {"it": "indice tra zone {value}", "en": "cross-zone index {value}"},
    "pr_zones_explained": {
        "it": "Indice tra zone (da 0 a 1): il prodotto, zona per zona, della quota di «D'accordo»; è alto solo se "
              "ogni zona dichiarata è d'accordo.",
        "en": "Cross-zone index (0 to 1): the product, zone by zone, of the share of 'Agree'; it is high only if "
              "every declared zone agrees.",
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
