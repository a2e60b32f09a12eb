"""Judgement rules on small passages: deferral grammar, naming, lists as passages."""

from pathlib import Path

from mandate.judgement import DeferralGrammar, grammar
from mandate.language import profile
from mandate.models import Block
from mandate.segment import _rejoin, whole_sentences


def _g(lang: str):
    return grammar(profile(lang).deferral.grammar)


def test_deferral_is_grammar_not_a_phrase_list():
    en, fr, zh = _g("en"), _g("fr"), _g("zh")
    assert en.is_deferral(
        "Particulars of the forthcoming swaps are to be shared in a later update."
    )
    assert en.is_deferral("We will keep the Council informed of the review.")
    assert not en.is_deferral("Two battalions will rotate in July after a 14-day quarantine.")
    assert fr.is_deferral("Ces précisions feront l'objet d'un rapport ultérieur.")
    assert not fr.is_deferral("Deux bataillons seront relevés en juillet.")
    assert zh.is_deferral("有关详情将在下一份信函中向安理会通报。")
    assert not zh.is_deferral("两个营将于7月完成换防。")


def test_every_profile_has_a_deferral_grammar():
    for lang in ("zh", "en", "fr", "es", "ru", "ar"):
        spec = profile(lang).deferral.grammar
        assert isinstance(spec, DeferralGrammar) and spec.promise, lang


def test_a_list_after_a_colon_is_one_sentence():
    text = "Three conditions: the Agreement; the redeployment; the return of the State."
    assert len(whole_sentences(text, lang="en")) == 1


def test_list_items_and_table_rows_join_their_lead_in():
    blocks = [
        Block(text="Rotations in the period:", line=1),
        Block(text="- two battalions from Gao", line=3),
        Block(text="• one police unit in Timbuktu", line=5, list_item=True),
        Block(text="Next heading", line=7),
        Block(text="The figures were as follows:", line=9),
        Block(text="Gao | 2 battalions | May", line=10, table=True),
        Block(text="Mopti | 1 company | June", line=11, table=True),
    ]
    paras = _rejoin(blocks, "en")
    assert [p.text.count("\n") for p in paras] == [2, 0, 2]
    assert not paras[0].heading


def test_numbered_paragraphs_without_a_lead_in_stay_apart(tmp_path: Path):
    blocks = [
        Block(text="1) The situation worsened.", line=1),
        Block(text="2) Patrols rose.", line=3),
    ]
    assert len(_rejoin(blocks, "en")) == 2
