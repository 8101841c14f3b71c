"""UI strings: What-if scenarios and the printable zone sheets."""

STRINGS: dict[str, dict[str, str]] = {
    # --- zone sheet (PDF): every key starting with "sheet_" is passed to psm_data.zone_sheet
    "sheet_title": {"it": "Zona {id} · {name}", "en": "Zone {id} · {name}"},
    "sheet_subtitle": {
        "it": "Piano Strategico Metropolitano Torino 2024|2026 · scheda di zona dalla restituzione della fase "
              "preliminare",
        "en": "Metropolitan Strategic Plan Torino 2024|2026 · zone sheet from the report of the preliminary phase",
    },
    "sheet_decimal_sep": {"it": ",", "en": "."},
    "sheet_population": {"it": "abitanti (ISTAT 2023)", "en": "inhabitants (ISTAT 2023)"},
    "sheet_area": {"it": "superficie", "en": "area"},
    "sheet_comuni": {"it": "comuni ({n} con zona dedotta*)", "en": "comuni ({n} with inferred zone*)"},
    "sheet_comuni_plain": {"it": "comuni", "en": "comuni"},
    "sheet_comuni_one": {"it": "comune", "en": "comune"},
    "sheet_projects": {"it": "progetti localizzati dal report (+{n} dal luogo)",
                       "en": "projects localised by the report (+{n} from the place)"},
    "sheet_projects_plain": {"it": "progetti localizzati dal report", "en": "projects localised by the report"},
    "sheet_qr_zone": {"it": "La zona nell'app:", "en": "The zone in the app:"},
    "sheet_comuni_header": {"it": "I {n} comuni", "en": "The {n} comuni"},
    "sheet_comuni_header_one": {"it": "Il comune", "en": "The comune"},
    "sheet_inferred_note": {
        "it": "* zona assegnata per deduzione: l'elenco ufficiale dei comuni per zona non è disponibile "
              "(vedi «Indicazioni e fonti» nell'app).",
        "en": "* zone assigned by inference: the official list of comuni per zone is not available "
              "(see “Guidance and sources” in the app).",
    },
    "sheet_legend_zone": {"it": "zona {id}", "en": "zone {id}"},
    "sheet_legend_comuni": {"it": "confine comunale", "en": "comune boundary"},
    "sheet_legend_inferred": {"it": "comune con zona dedotta", "en": "comune with inferred zone"},
    "sheet_legend_neighbours": {"it": "zone vicine, con il loro numero", "en": "neighbouring zones, numbered"},
    "sheet_legend_place": {"it": "progetto con zona dedotta dal luogo", "en": "project with zone deduced from place"},
    "sheet_projects_header": {"it": "Progetti localizzati nella zona, per asse ({n})",
                              "en": "Projects localised in the zone, by axis ({n})"},
    "sheet_axis": {"it": "Asse {id} · {name}", "en": "Axis {id} · {name}"},
    "sheet_no_projects": {"it": "nessun progetto", "en": "no project"},
    "sheet_place_item": {"it": "zona dedotta dal luogo: {places}", "en": "zone deduced from the place: {places}"},
    "sheet_place_note": {
        "it": "Con il rombo: il report indica solo il luogo, che sta tutto in questa zona ({n}); non è contato tra "
              "i progetti localizzati dal report.",
        "en": "With the diamond: the report names only the place, which lies wholly in this zone ({n}); not counted "
              "among the projects the report localises.",
    },
    "sheet_metropolitan_note": {
        "it": "Inoltre {n} progetti di scala metropolitana valgono per tutte le zone (elenco nell'app).",
        "en": "Also {n} metropolitan-wide projects apply to every zone (listed in the app).",
    },
    "sheet_uncovered_header": {"it": "Strategie senza progetti localizzati nella zona ({n})",
                               "en": "Strategies with no project localised in the zone ({n})"},
    "sheet_no_actions": {"it": "nessuna azione nel report", "en": "no action in the report"},
    "sheet_uncovered_place": {"it": "dal luogo: {names}", "en": "from the place: {names}"},
    "sheet_needs_header": {"it": "Esigenze 2024–26 degli assi senza progetti nella zona ({n})",
                           "en": "2024–26 needs of the axes with no project in the zone ({n})"},
    "sheet_needs_none": {"it": "Ogni asse ha almeno un progetto localizzato nella zona.",
                         "en": "Every axis has at least one project localised in the zone."},
    "sheet_source": {
        "it": "Fonte: Città metropolitana di Torino, Piano Strategico Metropolitano 2024|2026 — Restituzione della "
              "fase preliminare. Confini: ISTAT/openpolis 2023, CC-BY 4.0.",
        "en": "Source: Città metropolitana di Torino, Metropolitan Strategic Plan 2024|2026 — report of the "
              "preliminary phase. Boundaries: ISTAT/openpolis 2023, CC-BY 4.0.",
    },
    "sheet_generated": {"it": "Generata il {date} da PSM Torino Explorer.",
                        "en": "Generated on {date} by PSM Torino Explorer."},
    "sheet_event_header": {"it": "Evento di ascolto: {title}", "en": "Listening event: {title}"},
    "sheet_event_join": {"it": "Rispondi dal telefono:", "en": "Answer from your phone:"},
    "sheet_event_when": {"it": "{date} · {place}", "en": "{date} · {place}"},
    "sheet_event_code": {"it": "Codice evento:", "en": "Event code:"},
    "sheet_event_intro": {
        "it": "Oppure qui: una croce per riga; stella sulle esigenze prioritarie (al massimo {max}).",
        "en": "Or here: one cross per row; a star on your priority needs (at most {max}).",
    },
    "sheet_event_sheet_no": {"it": "Foglio n.", "en": "Sheet no."},
    "sheet_event_zone": {"it": "Zona (1–11)", "en": "Zone (1–11)"},
    "sheet_event_role": {"it": "Ruolo:", "en": "Role:"},
    "sheet_event_need": {"it": "Esigenza", "en": "Need"},
    "sheet_event_comment": {"it": "Commento:", "en": "Comment:"},
}
