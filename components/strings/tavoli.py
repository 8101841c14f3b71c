"""UI strings of the thematic tables, the hall's network address, the finished projector and the Italian pass."""

from psm_data.i18n import N_, NC_, NN_, Message

STRINGS: dict[str, Message] = {
    # ---------------------------------------------------------------- the address the hall can open
    "addr_local": N_(
        "I telefoni della sala non possono aprire {url}: è l'indirizzo di questo computer, non della "
        "rete. Scegli qui sotto l'indirizzo del server sulla rete locale per i codici QR.",
    ),
    "addr_chosen": N_(
        "I codici QR usano l'indirizzo di rete {url}: i telefoni collegati alla stessa rete Wi-Fi lo "
        "aprono.",
    ),
    "addr_local_short": N_("Il QR dice {url}: i telefoni non lo aprono. Scegli l'indirizzo di rete"),
    "addr_choose": N_("Indirizzo per i codici QR"),
    "addr_keep_local": N_("{url} (solo questo computer)"),
    "addr_none_found": N_(
        "Nessun indirizzo di rete trovato: collega il computer alla rete Wi-Fi della sala, oppure "
        "imposta {env} all'avvio.",
    ),
    "addr_help": N_(
        "Indirizzi trovati su questo computer, senza contattare internet. La scelta vale per tutto il "
        "server (proiettore e schede comprese) fino al riavvio; {env} la fissa all'avvio.",
    ),
}

STRINGS.update({
    # ---------------------------------------------------------------- paper import problems (psm_data/events/paper.py)
    "paper_where": N_("{file}"),
    "paper_where_row": N_("{file}, riga {row}"),
    "paper_where_column": N_("{file}, colonna '{column}'"),
    "paper_where_row_column": N_("{file}, riga {row}, colonna '{column}'"),
    "paper_not_utf8": N_("non è testo UTF-8 (byte {byte}): salvalo come 'CSV UTF-8'"),
    "paper_empty_file": N_("il file è vuoto: parti dal modello"),
    "paper_not_csv": N_("non si legge come CSV ({detail})"),
    "paper_missing_columns": N_("mancano le colonne {missing}; attese: {expected}"),
    "paper_too_many_rows": N_("{rows} righe: al massimo {max_rows} per file"),
    "paper_wrong_width": N_("{values} valori, ma l'intestazione ha {columns} colonne"),
    "paper_empty_value": N_("valore vuoto"),
    "paper_too_long": N_("più lungo di {max_chars} caratteri"),
    "paper_not_on_agenda": N_("'{value}' non è nel programma di questo evento ({agenda})"),
    "paper_not_a_zone": N_("'{value}' non è una zona (da 1 a 11, oppure vuoto)"),
    "paper_not_a_role": N_("'{value}' non è un ruolo: usa uno tra {allowed} (oppure lascia vuoto)"),
    "paper_not_an_answer": N_("'{value}' non è una risposta: usa una tra {allowed} (oppure lascia vuoto)"),
    "paper_not_a_star": N_("'{value}' non è un segno di stella: usa x (o ★) oppure lascia vuoto"),
    "paper_duplicate_answer": N_("la scheda '{sheet}' risponde già a {need_id} alla riga {first_row}"),
    "paper_profile_differs": N_("la scheda '{sheet}' ha un'altra zona o un altro ruolo alla riga {first_row}"),
    "paper_too_many_stars": N_("la scheda '{sheet}' dà più di {max_stars} ★"),
    "paper_all_blank": N_("nessuna risposta trovata: tutte le righe sono vuote"),
})

STRINGS.update({
    # ---------------------------------------------------------------- counts that agree with their noun (tn)
    "n_answers": NN_("{n} risposta", "{n} risposte"),
    "n_participants": NN_("{n} partecipante", "{n} partecipanti"),
    "n_texts_to_moderate": NN_("{n} testo da moderare", "{n} testi da moderare"),
    "n_rows": NN_("{n} riga", "{n} righe"),
    "n_sheets": NN_("{n} scheda", "{n} schede"),
    "n_paper_stored": NN_("{n} risposta", "{n} risposte"),
    "n_items": NN_("{n} elemento", "{n} elementi"),
    "n_needs": NN_("{n} esigenza", "{n} esigenze"),
    # ---------------------------------------------------------------- Streamlit's own texts, in our words
    "choose_options": N_("Scegli una o più voci"),
    "choose_option": N_("Scegli"),
    "help_for": N_("Aiuto: "),
    "select_open": N_("Apri l'elenco"),
    "uploader_drop": N_("Trascina qui il file"),
    "uploader_button": N_("Carica"),
    "uploader_limit": N_("Al massimo {size} per file"),
})

STRINGS.update({
    # ---------------------------------------------------------------- projector: wall and closing
    "pr_wall_page": N_("testi {first}–{last} di {total} (pagina {page} di {pages}, si gira da sola)"),
    "pr_participants_n": NN_("{n} partecipante", "{n} partecipanti"),
    "pr_readings_heading": N_("Letture automatiche delle risposte"),
    "pr_list_consensus_auto": N_("Ampio accordo"),
    "pr_list_divisive_auto": N_("Sala divisa"),
    "pr_list_unclear_auto": N_("Poco chiare per molti"),
    "pr_list_zones_auto": N_("Accordo in tutte le zone"),
    "pr_list_range": N_("{first}–{last} di {total}"),
    "pr_list_more": N_("Altre"),
    "pr_list_more_help": N_("Mostra le esigenze successive di questo elenco."),
    "pr_unclear_count": NN_("{n} «Non chiaro»", "{n} «Non chiaro»"),
    "pr_zone_consensus_value": N_("tra zone {value}"),
    "pr_zones_explained": N_(
        "«Tra zone» è un indice da 0 a 1: il prodotto, zona per zona, della quota di «D'accordo»; è alto "
        "solo se ogni zona dichiarata è d'accordo.",
    ),
    "pr_outcomes_heading": N_("Esiti decisi dal facilitatore"),
    "pr_outcomes_none": N_("Nessun esito ancora deciso."),
})

STRINGS.update({
    # ---------------------------------------------------------------- refusals of the tables' store
    "err_table_not_found": N_("Il tavolo {table} non esiste in questo evento."),
    "err_table_no_needs": N_(
        "Un tavolo ha bisogno di almeno un'esigenza del programma: scegli un asse che ne ha, oppure le "
        "esigenze una per una.",
    ),
    "err_need_on_other_table": N_("L'esigenza {need_id} è del tavolo «{table}»: ogni esigenza sta su un solo tavolo."),
    "err_pin_locked": N_("Troppi PIN sbagliati per questo tavolo: riprova tra {seconds} secondi."),
    "err_note_axis_needed": N_("Una nuova esigenza ha bisogno del suo asse."),
    "err_note_not_found": N_("Questo punto del verbale non esiste più."),
})

STRINGS.update({
    # ---------------------------------------------------------------- tables: facilitator
    "f_view_tavoli": N_("Tavoli"),
    "tv_intro": N_(
        "Tavoli tematici: ogni tavolo ha le sue esigenze (un asse, o scelte una per una), un conduttore "
        "che entra con il PIN del tavolo, apre e chiude le esigenze del tavolo e scrive il verbale. I "
        "telefoni scelgono il tavolo (o ne inquadrano il QR). Le esigenze senza tavolo restano in "
        "plenaria.",
    ),
    "tv_table_label": N_("Tavolo {n} · {name}"),
    "tv_create": N_("Nuovo tavolo"),
    "tv_name": N_("Nome del tavolo"),
    "tv_host": N_("Conduttore (nome, facoltativo)"),
    "tv_host_help": N_("Chi conduce il tavolo: un volontario, senza la password del facilitatore."),
    "tv_by_axis": N_("Esigenze di un asse"),
    "tv_by_axis_none": N_("Scegli un asse"),
    "tv_by_hand": N_("Oppure esigenze scelte una per una"),
    "tv_by_hand_help": N_("Se ne scegli, contano queste e non l'asse. Ogni esigenza sta su un solo tavolo."),
    "tv_create_button": N_("Crea il tavolo"),
    "tv_all_needs_taken": N_("Ogni esigenza del programma è già su un tavolo."),
    "tv_created": NN_("Tavolo «{name}» creato con {n} esigenza.", "Tavolo «{name}» creato con {n} esigenze."),
    "tv_host_is": N_("Conduttore: {name}"),
    "tv_host_none": N_("Conduttore non indicato"),
    "tv_needs_list": N_("esigenze: {needs}"),
    "tv_pin_is": N_("PIN del tavolo: **{pin}**"),
    "tv_pin_once": N_(
        "Dallo al conduttore: si vede solo qui, in questa sessione (il database ne tiene solo "
        "un'impronta). Se si perde, crea un nuovo PIN.",
    ),
    "tv_new_pin": N_("Nuovo PIN"),
    "tv_host_link": N_("Pagina del conduttore"),
    "tv_host_link_help": N_("Da aprire sul telefono del conduttore: {path}"),
    "tv_qr_label": N_("QR code del tavolo {n}: {url}"),
    "tv_paper_template": N_("Modello cartaceo del tavolo (CSV)"),
    "tv_exports": N_("Esporta i tavoli"),
    "tv_exports_help": N_(
        "CSV UTF-8: i tavoli, i verbali (parole dei conduttori, source = table_host) con la loro storia "
        "e i risultati di ogni tavolo (risposte dei partecipanti, source = participants). Il modello "
        "cartaceo dell'intero evento è in «Esporta e carta».",
    ),
    "tv_progress": N_("I tavoli, dal vivo"),
    "tv_progress_help": N_("Si aggiorna da solo ogni 5 secondi."),
    "tv_col_table": N_("Tavolo"),
    "tv_col_phones": N_("Telefoni"),
    "tv_col_open": N_("Aperte"),
    "tv_col_closed": N_("Chiuse"),
    "tv_col_answers": N_("Risposte"),
    "tv_col_points": N_("Punti del verbale"),
    # ---------------------------------------------------------------- tables: the host's page
    "nav_table_host": N_("Tavolo"),
    "th_title": N_("Tavolo {n} · {name}"),
    "th_pin_intro": N_("Sei il conduttore di questo tavolo? Scrivi il PIN che ti ha dato il facilitatore."),
    "th_pin": N_("PIN del tavolo"),
    "th_login": N_("Entra"),
    "th_pin_wrong": N_("PIN sbagliato."),
    "th_table_missing": N_("Questo tavolo non esiste: controlla il collegamento."),
    "th_intro": N_(
        "Apri un'esigenza quando il tavolo ne parla, chiudila quando ha finito: i telefoni del tavolo la "
        "seguono. Scrivi il verbale mentre si discute.",
    ),
    "th_needs": N_("Le esigenze del tavolo"),
    "th_phones": NN_("{n} telefono seduto a questo tavolo", "{n} telefoni seduti a questo tavolo"),
    "th_verbale": N_("Verbale del tavolo"),
    "th_verbale_help": N_(
        "Un punto per idea: punto chiave, priorità condivisa, disaccordo o nuova esigenza (con il suo "
        "asse). Si salva quando lasci il campo e con «Salva»; ogni versione resta nella storia.",
    ),
    "th_kind": NC_("th_kind", "Tipo"),
    "th_need": N_("Esigenza"),
    "th_need_none": N_("Il tavolo in generale"),
    "th_axis": N_("Asse della nuova esigenza"),
    "th_text": N_("Testo"),
    "th_text_placeholder": N_("Cosa ha detto il tavolo…"),
    "th_save": N_("Salva"),
    "th_delete": N_("Elimina"),
    "th_add": N_("Aggiungi al verbale"),
    "th_new_point": N_("Nuovo punto"),
    "th_saved": N_("Salvato nel database alle {time} (versione {revision})."),
    "th_saved_at": N_("Salvato (versione {revision})."),
    "th_history": NN_("Storia ({n} versione)", "Storia ({n} versioni)"),
    "th_deleted": N_("eliminato"),
    "note_key_point": N_("Punto chiave"),
    "note_priority": N_("Priorità condivisa"),
    "note_disagreement": N_("Disaccordo"),
    "note_new_need": N_("Nuova esigenza"),
    "notes_key_point": N_("Punti chiave"),
    "notes_priority": N_("Priorità condivise"),
    "notes_disagreement": N_("Disaccordi"),
    "notes_new_need": N_("Nuove esigenze"),
    # ---------------------------------------------------------------- tables: phones
    "p_table": N_("Il tuo tavolo"),
    "p_table_placeholder": N_("Scegli il tavolo"),
    "p_table_help": N_("Puoi cambiare tavolo quando vuoi: le tue risposte restano."),
    "p_table_choose_first": N_("Scegli il tuo tavolo per vederne le esigenze."),
    # ---------------------------------------------------------------- tables: projector
    "pr_report_back": N_("Dal tavolo {n} · {name}"),
    "pr_report_back_host": N_("conduttore: {name}"),
    "pr_report_back_sources": N_("a sinistra le risposte dei partecipanti, a destra il verbale del tavolo"),
    "pr_report_back_not_closed": N_("Risultati alla chiusura: {needs}"),
    "pr_report_back_line": N_("accordo {agreement} · {voters} · ★ {stars} · {label}"),
    "pr_report_back_more_needs": NN_(
        "e un'altra esigenza chiusa nei risultati esportati",
        "e altre {n} esigenze chiuse nei risultati esportati",
    ),
    "pr_report_back_general": N_("Tavolo"),
    "pr_report_back_no_notes": N_("Verbale ancora vuoto."),
    "pr_report_back_more": NN_("e un altro punto nel verbale esportato", "e altri {n} punti nel verbale esportato"),
})
