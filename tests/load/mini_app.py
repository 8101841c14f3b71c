"""A tiny app for the load client's unit tests: a radio and a button, a form, a fragment, a live fragment.

Every value the client sets is written back as text, so a test can read what the server received.
"""

import streamlit as st

ss = st.session_state
ss.setdefault("full_runs", 0)
ss.setdefault("frag_runs", 0)
ss.setdefault("live_runs", 0)
ss.setdefault("taps", 0)
ss.full_runs += 1

st.title("mini")
st.markdown(f"device={st.context.cookies.get('psm_device', '-')}")
st.markdown(f"query={dict(st.query_params)}")
colour = st.radio("Colour", ["red", "green", "blue"], key="colour")
st.markdown(f"colour={colour}")
if st.button("Tap", key="tap"):
    ss.taps += 1
st.markdown(f"taps={ss.taps} full_runs={ss.full_runs}")
if st.toggle("Detail", key="detail"):
    st.markdown("detail=on")
if st.checkbox("Go to page two", key="set_param"):
    st.query_params["step"] = "2"

with st.form("order"):
    name = st.text_input("Name", key="name")
    size = st.radio("Size", ["S", "M", "L"], key="size", format_func=lambda s: f"size {s}")
    sent = st.form_submit_button("Send", key="send")
if sent:
    st.markdown(f"sent={name}/{size}")


@st.fragment
def answer() -> None:
    ss.frag_runs += 1
    value = st.radio("Answer", ["yes", "no"], key="frag_answer", index=None, format_func=str.upper)
    note = st.text_input("Note", key="frag_note")
    if st.button("Save", key="frag_save"):
        st.markdown(f"saved={value}/{note}")
    st.markdown(f"frag_runs={ss.frag_runs} full_runs_seen={ss.full_runs}")


answer()

if st.query_params.get("big") == "1":  # a message over global.minCachedMessageSize (10 KB): sent once, then by hash
    st.markdown("big " + "x" * 20_000)

if st.query_params.get("live") == "1":

    @st.fragment(run_every=0.3)
    def live() -> None:
        ss.live_runs += 1
        st.markdown(f"live_runs={ss.live_runs}")

    live()
