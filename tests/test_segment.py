"""The segmenter: language, headings without markup, page-break rejoins, the parts of a letter."""

from lettercraft import SEED, SEED_HEADINGS

from mandate.models import Role, Source
from mandate.read import read, split_blocks
from mandate.segment import detect_language, segment


def _doc(text: str, lang: str | None = None):
    return segment(
        Source(path="t.txt", format="txt", encoding="utf-8", blocks=split_blocks(text)), lang
    )


def test_language_detection():
    assert detect_language(SEED.read_text(encoding="utf-8")) == "zh"
    assert (
        detect_language("The Mission continued its operations in the north of the country.") == "en"
    )
    assert (
        detect_language(
            "La Mission a poursuivi ses opérations dans le nord du pays et les patrouilles."
        )
        == "fr"
    )


def test_seed_structure():
    doc = segment(read(SEED))
    assert [s.heading for s in doc.sections if s.kind == "body"] == SEED_HEADINGS
    roles = [p.role for p in doc.paragraphs]
    assert roles[0] is Role.TITLE and roles[1] is Role.REQUEST
    assert roles[-2:] == [Role.CLOSING, Role.SIGNATURE]
    assert doc.cited_resolutions == [2480]
    joins = [(p.index, j.before[-4:], j.after[:4]) for p in doc.paragraphs for j in p.joins]
    assert [j[1:] for j in joins] == [
        ("能力建设", "设和交通"),
        ("击者。与", "此同时，"),
        ("区域举措", "是否得到"),
    ]


def test_joined_paragraph_reads_as_one():
    doc = segment(read(SEED))
    joined = next(p for p in doc.paragraphs if "区域举措是否得到加强" in p.text)
    assert joined.joins and joined.text[joined.joins[0].offset :].startswith("是否得到加强")


def test_a_short_line_before_text_is_a_heading_but_a_cut_sentence_is_not():
    doc = _doc(
        "Letter dated 1 June from the Secretary-General addressed to the President of the Security Council\n\n"
        "I have the honour to refer to resolution 2480 (2019), in which the Council requested me to "
        "submit a letter focusing on (a) security and (b) transition.\n\n"
        "Troop rotations\n\n"
        "Two battalions rotated in May after a quarantine of fourteen days, and the arrival of the\n\n\n"
        "third was postponed.\n\n"
        "I should be grateful if you would bring the present letter to the attention of the members "
        "of the Security Council.\n\n(Signed) António Guterres"
    )
    assert [s.heading for s in doc.sections if s.kind == "body"] == ["Troop rotations"]
    body = [p for p in doc.paragraphs if p.role is Role.BODY]
    assert len(body) == 1 and body[0].text.endswith("the third was postponed.")
    assert body[0].joins[0].after.startswith("third")
    assert [p.role for p in doc.paragraphs] == [
        Role.TITLE,
        Role.REQUEST,
        Role.BODY,
        Role.CLOSING,
        Role.SIGNATURE,
    ]


def test_request_with_items_in_their_own_paragraphs_french():
    doc = _doc(
        "J'ai l'honneur de me référer à la résolution 2480 (2019), par laquelle le Conseil m'a prié "
        "de lui adresser une lettre portant sur :\n\n"
        "a) les problèmes de sécurité ;\n\n(a) les opérations ;\n\n(b) la transition.\n\n"
        "La Mission a poursuivi ses patrouilles dans le centre du pays.\n\n"
        "Je vous serais reconnaissant de bien vouloir porter la présente lettre à l'attention des "
        "membres du Conseil de sécurité.\n\n(Signé) António Guterres"
    )
    roles = [p.role for p in doc.paragraphs]
    assert doc.language == "fr"
    # The items are a list under the request's lead-in: one passage, all of it the request.
    assert roles[0] is Role.REQUEST and "(b) la transition." in doc.paragraphs[0].text
    assert roles.count(Role.REQUEST) == 1
    assert Role.BODY in roles and roles[-2:] == [Role.CLOSING, Role.SIGNATURE]


def test_letter_without_headings_has_one_body_section():
    text = SEED.read_text(encoding="utf-8")
    for heading in SEED_HEADINGS:
        text = text.replace(f"\n{heading}\n", "\n")
    doc = _doc(text)
    assert [s.kind for s in doc.sections] == ["preamble", "body", "closing"]


def test_no_request_paragraph_means_no_request_role():
    doc = _doc("马里稳定团继续在北部开展巡逻。\n\n部队轮调暂停。")
    assert all(p.role is Role.BODY for p in doc.paragraphs)


def test_salutation_is_front_matter():
    doc = _doc(
        "Excellency,\n\nI have the honour to refer to resolution 2480 (2019), in which the Council "
        "requested me to provide a letter on (a) this and (b) that.\n\nThe Mission patrolled.\n"
    )
    assert [p.role for p in doc.paragraphs] == [Role.ADDRESSEE, Role.REQUEST, Role.BODY]


def test_a_restated_request_without_a_citation_is_still_the_request(tmp_path):
    from mandate.models import Status
    from mandate.pipeline import check

    letter = tmp_path / "l.txt"
    letter.write_text(
        "Letter dated 1 June 2020 from the Secretary-General addressed to the President of the "
        "Security Council\n\n"
        "The Council asked me, in consultation with the Force Commander, to submit a letter "
        "focusing on: (a) the security challenges facing Mali, progress in the Mission's "
        "operations, information on force performance and rotations, and an update on the "
        "coordination of security responsibilities; (b) an update on the integrated strategic "
        "framework and the related transition plan, and on a possible exit strategy for the "
        "Mission.\n\n"
        "I should be grateful if you would bring the present letter to the attention of the "
        "members of the Security Council.\n\n(Signed) António Guterres\n",
        encoding="utf-8",
    )
    result = check(letter, "2480")
    assert result.document.paragraphs[1].role is Role.REQUEST
    assert all(v.status is Status.MISSING for v in result.assessment.verdicts)


def test_after_the_first_factual_paragraph_an_echo_of_the_request_is_an_answer(tmp_path):
    from mandate.models import Status
    from mandate.pipeline import check

    letter = tmp_path / "l.txt"
    letter.write_text(
        "Letter dated 1 June 2020 from the Secretary-General addressed to the President of the "
        "Security Council\n\n"
        "I have the honour to refer to resolution 2480 (2019), in which the Council requested me "
        "to submit a letter focusing on the security challenges, the Mission's operations, force "
        "performance and rotations and the coordination of security responsibilities.\n\n"
        "Between January and May, the Mission conducted 712 patrols and set up 3 temporary "
        "operating bases in the centre.\n\n"
        "The coordination of security responsibilities continues; information on force "
        "performance and rotations follows the security challenges facing Mali.\n\n"
        "I should be grateful if you would bring the present letter to the attention of the "
        "members of the Security Council.\n\n(Signed) António Guterres\n",
        encoding="utf-8",
    )
    result = check(letter, "2480")
    roles = [p.role for p in result.document.paragraphs]
    assert roles[1] is Role.REQUEST and roles[3] is Role.BODY
    verdicts = {v.id: v.status for v in result.assessment.verdicts}
    assert verdicts["a.security-coordination"] is not Status.MISSING


def test_the_symbol_form_of_a_citation_is_a_citation():
    doc = _doc(
        "Title line here\n\nPursuant to S/RES/2480 (2019), the Council requested me to report on "
        "(a) one thing and (b) another.\n\nThe Mission patrolled the north.\n"
    )
    assert doc.cited_resolutions == [2480]


def test_sentences_and_whole_sentences_cut_alike_at_abbreviations_and_words() -> None:
    from mandate.language import patterns
    from mandate.segment import sentences, whole_sentences

    abbreviations = patterns("en").abbreviations
    text = "As set out in para. 12, approx. 300 troops arrived. Support to civil. Then iv. follows."
    ends = [text[b - 1 : b + 1] for _, b in sentences(text, abbreviations, "en")]
    whole = [text[b - 1 : b + 1] for _, b in whole_sentences(text, abbreviations, "en")]
    assert len(sentences(text, abbreviations, "en")) == 3, ends
    assert len(whole_sentences(text, abbreviations, "en")) == 3, whole
