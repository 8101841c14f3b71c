"""The facilitator's eye on the hall (issue 14): new participants per minute, and a warning when one network
address makes many new devices (one laptop inventing voters; a hall sharing one NAT legitimately makes many, so
it is a flag for a person to judge, not a block). Called with one line from the live agenda."""

from __future__ import annotations

import streamlit as st

from components.i18n import t
from psm_data.events.errors import EventError
from psm_data.events.store import EventStore
from psm_data.events.watch import joined_per_minute
from psm_data.server import limits

MINUTES = 10


def hall_watch(store: EventStore, code: str) -> None:
    try:
        series = joined_per_minute(store, code, MINUTES)
    except EventError:
        return
    st.caption(t("s_new_per_minute", minutes=MINUTES, series=" · ".join(str(n) for n in series)))
    for address, made in limits.new_devices.busiest():
        if made > limits.FLAG_NEW_DEVICES_PER_MINUTE:
            st.warning(t("s_flag_address", address=address, n=made), icon=":material/warning:")
