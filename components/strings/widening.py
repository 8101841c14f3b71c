"""UI strings of widening participation (issue 17): the online window, publication, *Partecipazione*."""

from __future__ import annotations

from psm_data.i18n import N_, NN_, Message

STRINGS: dict[str, Message] = {
    "f_view_diffondi": N_("Online e pubblico"),
    "w_online_header": N_("Finestra online"),
    "w_online_help": N_(
        "Tra queste due date (comprese) chiunque abbia il link risponde da casa a tutte le esigenze; le "
        "risposte sono segnate «online» e i risultati restano nascosti fino alla fine. Si chiude da sola "
        "dopo l'ultimo giorno.",
    ),
    "w_online_from": N_("Dal"),
    "w_online_until": N_("Al"),
    "w_online_set": N_("Apri la finestra online"),
    "w_online_clear": N_("Togli la finestra online"),
    "w_online_none": N_("Nessuna finestra online."),
    "w_online_running": N_("Aperta online fino al {until} compreso."),
    "w_online_planned": N_("Online dal {start} al {until}."),
    "w_online_over": N_("Finestra online chiusa il {until}."),
    "w_online_days": N_("Partecipanti online per giorno"),
    "w_online_zones": N_("Partecipanti online per zona dichiarata"),
    "w_online_nobody": N_("Ancora nessuno ha risposto online."),
    "w_day": N_("Giorno"),
    "w_zone": N_("Zona"),
    "w_participants": N_("Partecipanti"),
    "w_no_zone": N_("(nessuna zona)"),
    "p_online_window": N_(
        "Partecipazione online aperta fino al {until} compreso: rispondi a tutte le esigenze quando "
        "vuoi. I risultati si vedono alla fine.",
    ),
    "w_publish_header": N_("Pagina pubblica"),
    "w_publish_help": N_(
        "Pubblicare mostra a tutti, senza password, la partecipazione per zona, i risultati e gli esiti "
        "con la nota, e le proposte approvate. Mai risposte singole né testi non approvati.",
    ),
    "w_publish": N_("Pubblica l'esito"),
    "w_unpublish": N_("Ritira dalla pagina pubblica"),
    "w_published": N_("Pubblicato."),
    "w_not_published": N_("Non pubblicato."),
}

STRINGS.update({
    "nav_participation": N_("Partecipazione"),
    "tp_title": N_("Partecipazione: chi ha preso parte, per zona"),
    "tp_intro": N_(
        "Per chi pianifica: quali zone sono state ascoltate e quali no, e se un risultato è portato da "
        "una sola zona. Conta gli eventi che contano (non le prove, non gli archiviati, non quelli con "
        "una finestra online ancora aperta).",
    ),
    "tp_no_events": N_("Ancora nessun evento da contare."),
    "tp_all_events": N_("Tutti gli eventi"),
    "tp_event": N_("Evento"),
    "tp_label": N_("Risposte dei partecipanti, non dati del report. La zona è quella dichiarata (facoltativa)."),
    "tp_participants": N_("Partecipanti"),
    "tp_origin_web": N_("In sala (telefono)"),
    "tp_origin_paper": N_("Su carta"),
    "tp_origin_online": N_("Online"),
    "tp_roles": N_("Ruoli e canali"),
    "tp_role": N_("Ruolo"),
    "tp_no_role": N_("(nessun ruolo)"),
    "tp_map_header": N_("Partecipanti ogni 10 000 abitanti, per zona dichiarata"),
    "tp_map_note": NN_("{n} partecipante", "{n} partecipanti"),
    "tp_map_label": N_("Mappa delle zone: partecipanti ogni 10 000 abitanti. {zones}"),
    "tp_map_caption": N_(
        "Colore: partecipanti ogni 10 000 abitanti (grigio: nessuno). Sotto il nome, il numero di "
        "partecipanti.",
    ),
    "tp_unheard": N_("Zone che nessuno ha dichiarato: {zones}."),
    "tp_undeclared": NN_(
        "{n} partecipante non ha dichiarato una zona (non è nella mappa).",
        "{n} partecipanti non hanno dichiarato una zona (non sono nella mappa).",
    ),
    "tp_zone": N_("Zona"),
    "tp_per_10k": N_("Ogni 10 000 abitanti"),
    "tp_share_participants": N_("Quota dei partecipanti"),
    "tp_share_population": N_("Quota della popolazione"),
    "tp_heard": N_("Ascoltata?"),
    "tp_nobody": N_("nessuno"),
    "tp_agreement_header": N_("Accordo com'è stato espresso e accordo con ogni zona che pesa uguale"),
    "tp_agreement_help": N_(
        "Accordo = (D'accordo + ½ In parte) / risposte con un'opinione. «Come espresso»: tutte le "
        "risposte insieme. «Zone a peso uguale»: la media dell'accordo di ogni zona dichiarata con "
        "almeno {n} votanti su quell'esigenza (le altre sono escluse e nominate). Se le due cifre sono "
        "lontane, il risultato è portato da una zona.",
    ),
    "tp_need": N_("Esigenza"),
    "tp_voters": N_("Votanti"),
    "tp_agreement_answered": N_("Accordo, come espresso"),
    "tp_agreement_balanced": N_("Accordo, zone a peso uguale"),
    "tp_zones_used": N_("Zone contate"),
    "tp_zones_left_out": N_("Zone escluse (pochi votanti)"),
    "tp_zone_header": N_("Partecipazione da questa zona"),
    "tp_zone_count": NN_(
        "{n} partecipante ha dichiarato questa zona, in {events} eventi.",
        "{n} partecipanti hanno dichiarato questa zona, in {events} eventi.",
    ),
})

STRINGS.update({
    "nav_public": N_("Il percorso di ascolto"),
    "pub_title": N_("Il percorso di ascolto del Piano Strategico Metropolitano"),
    "pub_intro": N_("Gli incontri in arrivo e come partecipare; per gli incontri già fatti, che cosa ne è venuto."),
    "pub_upcoming": N_("Prossimi incontri"),
    "pub_none_upcoming": N_("Nessun incontro in programma."),
    "pub_outcomes": N_("Che cosa ne è venuto"),
    "pub_none_published": N_("Nessun esito pubblicato per ora."),
    "pub_zones": N_("Zone"),
    "pub_how_hall": N_("In sala: {place}, il {date}. Porta il telefono (o compila la scheda di carta)."),
    "pub_how_online": N_("Online: dal {start} al {until}, dal link o dal codice QR."),
    "pub_qr_alt": N_("Codice QR per partecipare all'evento {title}"),
    "pub_address": N_("Indirizzo"),
    "pub_code": N_("codice"),
    "pub_results_later": N_("I risultati saranno pubblicati alla chiusura della partecipazione online."),
    "pub_participants": NN_("{n} partecipante, per zona dichiarata:", "{n} partecipanti, per zona dichiarata:"),
    "pub_results": N_("Le esigenze: risultato ed esito"),
    "pub_result": N_("Votanti · accordo · lettura"),
    "pub_outcome": N_("Esito"),
    "pub_no_outcome": N_("non ancora deciso"),
    "pub_proposals": N_("Proposte dei partecipanti (approvate)"),
    "pub_for_need": N_("per l'esigenza {need}"),
    "pub_footer": N_("Risposte dei partecipanti, non dati del report. Nessuna risposta singola è pubblicata."),
})

STRINGS.update({
    "w_invite_header": N_("Inviti"),
    "w_invite_poster": N_("Locandina (PDF, A4)"),
    "w_invite_text": N_("Testo per il sito del comune"),
})
