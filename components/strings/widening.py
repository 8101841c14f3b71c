"""UI strings of widening participation (issue 17): the online window, publication, *Partecipazione*."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "f_view_diffondi": {"it": "Online e pubblico", "en": "Online and public"},
    "w_online_header": {"it": "Finestra online", "en": "Online window"},
    "w_online_help": {
        "it": "Tra queste due date (comprese) chiunque abbia il link risponde da casa a tutte le esigenze; le "
              "risposte sono segnate «online» e i risultati restano nascosti fino alla fine. Si chiude da sola "
              "dopo l'ultimo giorno.",
        "en": "Between these two dates (both included) anyone with the link answers every need from home; the "
              "answers are marked 'online' and results stay hidden until the end. It closes by itself after the "
              "last day.",
    },
    "w_online_from": {"it": "Dal", "en": "From"},
    "w_online_until": {"it": "Al", "en": "Until"},
    "w_online_set": {"it": "Apri la finestra online", "en": "Set the online window"},
    "w_online_clear": {"it": "Togli la finestra online", "en": "Clear the online window"},
    "w_online_none": {"it": "Nessuna finestra online.", "en": "No online window."},
    "w_online_running": {"it": "Aperta online fino al {until} compreso.", "en": "Open online until {until}."},
    "w_online_planned": {"it": "Online dal {start} al {until}.", "en": "Online from {start} to {until}."},
    "w_online_over": {"it": "Finestra online chiusa il {until}.", "en": "Online window closed on {until}."},
    "w_online_days": {"it": "Partecipanti online per giorno", "en": "Online participants per day"},
    "w_online_zones": {"it": "Partecipanti online per zona dichiarata", "en": "Online participants per declared zone"},
    "w_online_nobody": {"it": "Ancora nessuno ha risposto online.", "en": "Nobody has answered online yet."},
    "w_day": {"it": "Giorno", "en": "Day"},
    "w_zone": {"it": "Zona", "en": "Zone"},
    "w_participants": {"it": "Partecipanti", "en": "Participants"},
    "w_no_zone": {"it": "(nessuna zona)", "en": "(no zone)"},
    "p_online_window": {
        "it": "Partecipazione online aperta fino al {until} compreso: rispondi a tutte le esigenze quando vuoi. I "
              "risultati si vedono alla fine.",
        "en": "Online participation open until {until}: answer every need when you like. Results are shown at "
              "the end.",
    },
    "w_publish_header": {"it": "Pagina pubblica", "en": "Public page"},
    "w_publish_help": {
        "it": "Pubblicare mostra a tutti, senza password, la partecipazione per zona, i risultati e gli esiti con "
              "la nota, e le proposte approvate. Mai risposte singole né testi non approvati.",
        "en": "Publishing shows everyone, without a password, participation per zone, results and outcomes with "
              "their note, and approved proposals. Never single answers or unapproved texts.",
    },
    "w_publish": {"it": "Pubblica l'esito", "en": "Publish the outcome"},
    "w_unpublish": {"it": "Ritira dalla pagina pubblica", "en": "Withdraw from the public page"},
    "w_published": {"it": "Pubblicato.", "en": "Published."},
    "w_not_published": {"it": "Non pubblicato.", "en": "Not published."},
}

STRINGS.update({
    "nav_participation": {"it": "Partecipazione", "en": "Participation"},
    "tp_title": {"it": "Partecipazione: chi ha preso parte, per zona", "en": "Participation: who took part, per zone"},
    "tp_intro": {
        "it": "Per chi pianifica: quali zone sono state ascoltate e quali no, e se un risultato è portato da una "
              "sola zona. Conta gli eventi che contano (non le prove, non gli archiviati, non quelli con una "
              "finestra online ancora aperta).",
        "en": "For planners: which zones were heard and which were not, and whether a result is carried by one "
              "zone. Counts the events that count (no rehearsals, nothing archived, none with an online window "
              "still open).",
    },
    "tp_no_events": {"it": "Ancora nessun evento da contare.", "en": "No event to count yet."},
    "tp_all_events": {"it": "Tutti gli eventi", "en": "All events"},
    "tp_event": {"it": "Evento", "en": "Event"},
    "tp_label": {
        "it": "Risposte dei partecipanti, non dati del report. La zona è quella dichiarata (facoltativa).",
        "en": "Participants' answers, not the report's data. The zone is the declared one (optional).",
    },
    "tp_participants": {"it": "Partecipanti", "en": "Participants"},
    "tp_origin_web": {"it": "In sala (telefono)", "en": "In the hall (phone)"},
    "tp_origin_paper": {"it": "Su carta", "en": "On paper"},
    "tp_origin_online": {"it": "Online", "en": "Online"},
    "tp_roles": {"it": "Ruoli e canali", "en": "Roles and channels"},
    "tp_role": {"it": "Ruolo", "en": "Role"},
    "tp_no_role": {"it": "(nessun ruolo)", "en": "(no role)"},
    "tp_map_header": {"it": "Partecipanti ogni 10 000 abitanti, per zona dichiarata",
                      "en": "Participants per 10,000 inhabitants, per declared zone"},
    "tp_map_note": {"it": "{n} partecipanti", "en": "{n} participants"},
    "tp_map_label": {"it": "Mappa delle zone: partecipanti ogni 10 000 abitanti. {zones}",
                     "en": "Zone map: participants per 10,000 inhabitants. {zones}"},
    "tp_map_caption": {
        "it": "Colore: partecipanti ogni 10 000 abitanti (grigio: nessuno). Sotto il nome, il numero di partecipanti.",
        "en": "Colour: participants per 10,000 inhabitants (grey: nobody). Under the name, the participants.",
    },
    "tp_unheard": {"it": "Zone che nessuno ha dichiarato: {zones}.", "en": "Zones nobody declared: {zones}."},
    "tp_undeclared": {"it": "{n} partecipanti non hanno dichiarato una zona (non sono nella mappa).",
                      "en": "{n} participants declared no zone (not on the map)."},
    "tp_zone": {"it": "Zona", "en": "Zone"},
    "tp_per_10k": {"it": "Ogni 10 000 abitanti", "en": "Per 10,000 inhabitants"},
    "tp_share_participants": {"it": "Quota dei partecipanti", "en": "Share of participants"},
    "tp_share_population": {"it": "Quota della popolazione", "en": "Share of population"},
    "tp_heard": {"it": "Ascoltata?", "en": "Heard?"},
    "tp_nobody": {"it": "nessuno", "en": "nobody"},
    "tp_agreement_header": {"it": "Accordo com'è stato espresso e accordo con ogni zona che pesa uguale",
                            "en": "Agreement as answered and agreement with every zone weighing the same"},
    "tp_agreement_help": {
        "it": "Accordo = (D'accordo + ½ In parte) / risposte con un'opinione. «Come espresso»: tutte le risposte "
              "insieme. «Zone a peso uguale»: la media dell'accordo di ogni zona dichiarata con almeno {n} votanti "
              "su quell'esigenza (le altre sono escluse e nominate). Se le due cifre sono lontane, il risultato è "
              "portato da una zona.",
        "en": "Agreement = (agree + ½ partly) / answers with an opinion. 'As answered': all answers together. "
              "'Zones weighing the same': the mean of each declared zone's agreement, zones with at least {n} "
              "voters on that need (the others left out and named). Far apart figures: one zone carries it.",
    },
    "tp_need": {"it": "Esigenza", "en": "Need"},
    "tp_voters": {"it": "Votanti", "en": "Voters"},
    "tp_agreement_answered": {"it": "Accordo, come espresso", "en": "Agreement, as answered"},
    "tp_agreement_balanced": {"it": "Accordo, zone a peso uguale", "en": "Agreement, zones weighing the same"},
    "tp_zones_used": {"it": "Zone contate", "en": "Zones counted"},
    "tp_zones_left_out": {"it": "Zone escluse (pochi votanti)", "en": "Zones left out (few voters)"},
    "tp_zone_header": {"it": "Partecipazione da questa zona", "en": "Participation from this zone"},
    "tp_zone_count": {"it": "{n} partecipanti hanno dichiarato questa zona, in {events} eventi.",
                      "en": "{n} participants declared this zone, in {events} events."},
})

STRINGS.update({
    "nav_public": {"it": "Il percorso di ascolto", "en": "The listening process"},
    "pub_title": {"it": "Il percorso di ascolto del Piano Strategico Metropolitano",
                  "en": "The listening process of the Metropolitan Strategic Plan"},
    "pub_intro": {
        "it": "Gli incontri in arrivo e come partecipare; per gli incontri già fatti, che cosa ne è venuto.",
        "en": "The meetings to come and how to take part; for past meetings, what came of them.",
    },
    "pub_upcoming": {"it": "Prossimi incontri", "en": "Upcoming meetings"},
    "pub_none_upcoming": {"it": "Nessun incontro in programma.", "en": "No meeting planned."},
    "pub_outcomes": {"it": "Che cosa ne è venuto", "en": "What came of it"},
    "pub_none_published": {"it": "Nessun esito pubblicato per ora.", "en": "No outcome published yet."},
    "pub_zones": {"it": "Zone", "en": "Zones"},
    "pub_how_hall": {"it": "In sala: {place}, il {date}. Porta il telefono (o compila la scheda di carta).",
                     "en": "In the hall: {place}, on {date}. Bring your phone (or fill in the paper sheet)."},
    "pub_how_online": {"it": "Online: dal {start} al {until}, dal link o dal codice QR.",
                       "en": "Online: from {start} to {until}, from the link or the QR code."},
    "pub_qr_alt": {"it": "Codice QR per partecipare all'evento {title}", "en": "QR code to take part in event {title}"},
    "pub_address": {"it": "Indirizzo", "en": "Address"},
    "pub_code": {"it": "codice", "en": "code"},
    "pub_results_later": {"it": "I risultati saranno pubblicati alla chiusura della partecipazione online.",
                          "en": "Results will be published when online participation closes."},
    "pub_participants": {"it": "{n} partecipanti, per zona dichiarata:", "en": "{n} participants, per declared zone:"},
    "pub_results": {"it": "Le esigenze: risultato ed esito", "en": "The needs: result and outcome"},
    "pub_result": {"it": "Votanti · accordo · lettura", "en": "Voters · agreement · reading"},
    "pub_outcome": {"it": "Esito", "en": "Outcome"},
    "pub_no_outcome": {"it": "non ancora deciso", "en": "not decided yet"},
    "pub_proposals": {"it": "Proposte dei partecipanti (approvate)", "en": "Participants' proposals (approved)"},
    "pub_for_need": {"it": "per l'esigenza {need}", "en": "for need {need}"},
    "pub_footer": {
        "it": "Risposte dei partecipanti, non dati del report. Nessuna risposta singola è pubblicata.",
        "en": "Participants' answers, not the report's data. No single answer is published.",
    },
})

STRINGS.update({
    "w_invite_header": {"it": "Inviti", "en": "Invitations"},
    "w_invite_poster": {"it": "Locandina (PDF, A4)", "en": "Poster (PDF, A4)"},
    "w_invite_text": {"it": "Testo per il sito del comune", "en": "Text for the comune's website"},
})
