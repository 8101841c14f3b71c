"""UI strings of the maps: the server-drawn map the explorer shows first and the switch to the interactive one."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "map_interactive": {"it": "Mappa interattiva", "en": "Interactive map"},
    "map_interactive_help": {
        "it": "Ingrandisci, sposta, passa sulle zone per i valori, clicca per aprire la scheda della zona, mostra "
              "i confini dei comuni e lo sfondo OpenStreetMap. Senza, la mappa è un'immagine disegnata dal server, "
              "che si carica subito.",
        "en": "Zoom, pan, hover the zones for their values, click to open a zone's profile, show the comuni's "
              "borders and the OpenStreetMap background. Without it, the map is a picture drawn by the server, "
              "which loads at once."},
    "map_svg_alt": {"it": "Mappa delle 11 zone omogenee, {value}: {zones}.",
                    "en": "Map of the 11 zones, {value}: {zones}."},
    "map_svg_key": {"it": "Zone senza spazio per il nome: {zones}.",
                    "en": "Zones with no room for their name: {zones}."},
    "map_caption_localised_static": {
        "it": "Contano solo i progetti che il report colloca in zone precise; un progetto citato per più zone conta "
              "in ognuna. Grigio = nessun progetto. Su ogni zona il suo valore; con «Mappa interattiva» si "
              "ingrandisce e un clic su una zona ne apre il profilo.",
        "en": "Only projects the report places in named zones count; a project named for several zones counts in "
              "each. Grey = no project. Each zone shows its value; with \"Interactive map\" you can zoom, and a "
              "click on a zone opens its profile.",
    },
    "zone_map_caption_static": {
        "it": "La zona è bordata in arancione; i comuni con assegnazione dedotta hanno il bordo tratteggiato. Su ogni "
              "zona il numero dei suoi progetti; con «Mappa interattiva» si ingrandisce e si apre il profilo di "
              "un'altra zona.",
        "en": "The zone has an orange outline; comuni with an inferred assignment have a dashed outline. Each zone "
              "shows its number of projects; with \"Interactive map\" you can zoom and open another zone's "
              "profile."},
}
