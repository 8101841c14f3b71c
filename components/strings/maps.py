"""UI strings of the maps: the server-drawn map the explorer shows first and the switch to the interactive one."""

from __future__ import annotations

from psm_data.i18n import N_, Message

STRINGS: dict[str, Message] = {
    "map_interactive": N_("Mappa interattiva"),
    "map_interactive_help": N_(
        "Ingrandisci, sposta, passa sulle zone per i valori, clicca per aprire la scheda della zona, "
        "mostra i confini dei comuni e lo sfondo OpenStreetMap. Senza, la mappa è un'immagine disegnata "
        "dal server, che si carica subito.",
    ),
    "map_svg_alt": N_("Mappa delle 11 zone omogenee, {value}: {zones}."),
    "map_svg_key": N_("Zone senza spazio per il nome: {zones}."),
    "map_caption_localised_static": N_(
        "Contano solo i progetti che il report colloca in zone precise; un progetto citato per più zone "
        "conta in ognuna. Grigio = nessun progetto. Su ogni zona il suo valore; con «Mappa interattiva» "
        "si ingrandisce e un clic su una zona ne apre il profilo.",
    ),
    "zone_map_caption_static": N_(
        "La zona è bordata in arancione; i comuni con assegnazione dedotta hanno il bordo tratteggiato. "
        "Su ogni zona il numero dei suoi progetti; con «Mappa interattiva» si ingrandisce e si apre il "
        "profilo di un'altra zona.",
    ),
}
