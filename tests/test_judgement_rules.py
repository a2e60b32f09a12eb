"""Judgement rules on small passages: deferral grammar, naming, lists as passages."""

from pathlib import Path

from mandate.judgement import DeferralGrammar, grammar
from mandate.language import profile
from mandate.models import Block
from mandate.segment import _rejoin, whole_sentences


def _g(lang: str):
    return grammar(profile(lang).deferral.grammar)


def _en(mandate: str = "2480"):
    """The English matcher of a mandate."""
    from mandate.match import matcher_for
    from mandate.rules import find_mandate

    return matcher_for(find_mandate(mandate), "en")


def _judged(text: str, mandate: str = "2480") -> dict:
    """Each element's judgement of ``text`` as one passage, by the English matcher."""
    en = _en(mandate)
    return en._judge(text, en.passage(text), set())


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


def test_a_matter_still_being_decided_is_pending_in_every_profile():
    pending = {
        "en": "The relief schedule is being reviewed with the contributing countries.",
        "fr": "Le calendrier des relèves est en cours de révision avec les pays contributeurs.",
        "zh": "秘书处正在与部队派遣国重新安排轮调时间表。",
        "es": "El calendario de relevos se está revisando con los países contribuyentes.",
        "ru": "График ротаций пересматривается вместе со странами, предоставляющими войска.",
        "ar": "الجدول الزمني للتناوب قيد الاستعراض مع البلدان المساهمة بقوات.",
    }
    done = {
        "en": "The relief schedule was reviewed in May and 12 units rotated.",
        "fr": "Le calendrier a été révisé en mai et 12 unités ont été relevées.",
        "zh": "5月完成了轮调时间表的审查，12个单位已换防。",
        "es": "El calendario se revisó en mayo y 12 unidades fueron relevadas.",
        "ru": "В мае график был утвержден, и 12 подразделений прошли ротацию.",
        "ar": "تم اعتماد الجدول في أيار/مايو وتناوبت 12 وحدة.",
    }
    for lang, text in pending.items():
        assert _g(lang).is_pending(text), lang
        assert not _g(lang).is_pending(done[lang]), lang


def test_under_review_beside_a_promise_says_nothing_yet():
    en = _en("2480")
    text = (
        "The Secretariat is reviewing the rotation schedule with the troop-contributing "
        "countries. Details will be shared with the Council in a later communication."
    )
    passage = en.passage(text)
    assert len(passage.promised) == 2  # both sentences
    assert not any(h.counted for h in passage.hits["a.rotations"])
    # Without the promise, the review is reported as it is: a mention of rotations.
    alone = en.passage(text.split(". ")[0] + ".")
    assert alone.promised == []
    assert any(h.counted for h in alone.hits["a.rotations"])


def test_each_list_item_is_a_passage_with_its_lead_in():
    from mandate.match import _items

    text = (
        "Work on the Force moved on in several strands: - Reliefs. Twelve contingents were "
        "replaced by incoming units between May and October, 4,100 personnel in all; the "
        "rotation of two battalions in Gao was postponed to January and three troop rotations "
        "are planned for the spring. The relief of the Timbuktu battalion was completed in "
        "August after a 14-day quarantine, and incoming units from four troop-contributing "
        "countries replaced outgoing contingents in Mopti, Ménaka and Kidal between July and "
        "September, with 1,850 personnel rotated by air. - Security roles. At the meeting of the Instance de "
        "coordination au Mali in June, MINUSMA, the Malian armed forces and Barkhane agreed "
        "on a division of security tasks in the Gourma."
    )
    items = _items(text)
    assert len(items) == 2 and all(i.startswith("Work on the Force") for i in items)
    whole = _judged(text)
    assert not whole["a.security-coordination"].substantive  # outweighed in the whole
    alone = _judged(items[1])
    assert alone["a.security-coordination"].substantive
    assert _items("One sentence: - a single item.") == []


def test_premature_is_a_predicate_and_counts_only_with_what_follows_it():
    en = _g("en")
    assert en.is_premature("It is premature to set a date for the Mission's withdrawal.")
    assert en.is_premature("Any discussion of a drawdown would, at this stage, be premature.")
    assert not en.is_premature("A premature withdrawal would put the gains at risk.")
    assert not _g("fr").is_premature("Un retrait prématuré exposerait le Mali à un risque.")
    matcher = _en("2480")
    about_else = (
        "The integrated strategic framework now underpins 14 joint programmes worth $52 million "
        "in the centre. It is premature to discuss the withdrawal of the Mission."
    )
    assert len(matcher.passage(about_else).promised) == 1  # nothing follows: says nothing
    followed = (
        "It is premature to discuss the withdrawal of the Mission. A drawdown would require the "
        "redeployment of reconstituted units to the north and the return of the State."
    )
    assert matcher.passage(followed).promised == []


def test_the_present_circumstances_are_no_condition_in_every_profile():
    said = {
        "en": (
            "It is premature to discuss it in the current conditions.",
            "Its withdrawal would depend on conditions in the centre.",
        ),
        "fr": (
            "Il est prématuré d'en débattre dans les conditions actuelles.",
            "Le retrait dépendra des conditions de sécurité.",
        ),
        "es": (
            "Es prematuro debatirla en las condiciones actuales.",
            "La retirada dependerá de las condiciones de seguridad.",
        ),
        "ru": (
            "Обсуждать ее в нынешних условиях преждевременно.",
            "Уход будет зависеть от условий безопасности.",
        ),
        "zh": ("在目前条件下讨论这一问题为时过早。", "撤出将取决于安全条件。"),
        "ar": (
            "من السابق لأوانه مناقشتها في الظروف الحالية.",
            "سيتوقف الانسحاب على الظروف الأمنية.",
        ),
    }
    for lang, (setting, condition) in said.items():
        g = _g(lang)
        assert not g.has_conditions(setting), lang
        assert g.has_conditions(condition), lang
    matcher = _en("2531")
    bare = "As for the exit strategy, it is premature to discuss it in the present circumstances."
    assert len(matcher.passage(bare).promised) == 1  # a bare "premature": it says nothing


def test_remaining_the_pillars_of_the_work_is_a_stock_predicate_in_every_profile():
    said = {
        "en": "The framework and the plan remain the two pillars of the United Nations' work",
        "fr": "Le cadre et le plan restent les deux piliers de l'action des Nations Unies",
        "es": "El marco y el plan siguen siendo los dos pilares de la labor de las Naciones Unidas",
        "ru": "Основа и план остаются двумя опорами работы Организации Объединенных Наций",
        "zh": "框架和计划仍是联合国工作的两大支柱",
        "ar": "يظل الإطار والخطة الركيزتين الأساسيتين لعمل الأمم المتحدة",
    }
    for lang, clause in said.items():
        assert _g(lang).is_stock(clause), lang
    assert not _g("fr").is_stock("Le plan prévoit de transférer 14 fonctions à l'équipe de pays")


def test_named_beside_another_only_in_one_clause_with_it():
    """A sentence naming two elements side by side says little of either; a sentence that names
    one element and lists what it holds (one item of which is another element's word) is its."""
    listed = (
        "The integrated strategic framework was revised in February, with four shared outcomes: "
        "support for the Agreement, protection of civilians in the centre, elections and basic "
        "services. The Mission and the United Nations country team prepared joint workplans for "
        "Mopti and Ségou."
    )
    judged = _judged(listed)
    assert judged["b.integrated-strategic-framework"].substantive
    side_by_side = (
        "The Mission and the United Nations country team jointly supported the elections in "
        "March. The integrated strategic framework and the transition plan remain the basis of "
        "the work of the United Nations system in Mali. UNDP also funded voter outreach."
    )
    judged = _judged(side_by_side)
    assert not judged["b.integrated-strategic-framework"].substantive


def test_a_promise_in_the_conditional_or_the_passive_is_a_deferral():
    assert _g("en").is_deferral(
        "The revised calendar would be shared with the Council once the partners have reviewed it."
    )
    assert _g("fr").is_deferral(
        "Un point sur le calendrier pourrait être présenté au Conseil dans mon prochain rapport."
    )
    assert _g("es").is_deferral(
        "Las cifras se pondrán en conocimiento del Consejo en su debido momento."
    )
    assert _g("ru").is_deferral(
        "Уточненный график будет доведен до сведения Совета после его утверждения."
    )
    assert _g("ar").is_deferral("وستُعرض التفاصيل على المجلس متى سمحت الظروف بذلك.")
    # a condition on the answer itself is no promise of information
    assert not _g("en").is_deferral(
        "Tasks could be handed over to the national authorities only once the units are deployed."
    )


def test_a_supporting_word_counts_for_the_element_its_sentence_names():
    text = (
        "The relief of nine contingents was completed on schedule: two infantry battalions, "
        "three formed police units and four enabling units, with force protection maintained "
        "throughout. Six more contingents are to rotate by June, after quarantine."
    )
    judged = _judged(text)
    assert judged["a.rotations"].substantive
    assert not judged.get("a.force-performance") or not judged["a.force-performance"].substantive


def test_zh_deferral_with_a_matter_still_being_agreed():
    zh = _g("zh")
    assert zh.is_deferral("具体进展容后另行奉告。")
    assert zh.is_pending("轮调安排目前仍在与各部队派遣国逐一商定之中")
    assert zh.is_deferral("其更新工作须待当局明确重点之后才能推进，届时再向安理会报告。")
    assert not zh.is_deferral("这些移交进展也将是今后拟订撤出战略时需要考虑的因素之一。")


def test_a_clause_that_sets_the_scene_or_names_the_frame_is_a_backdrop():
    assert _g("en").is_backdrop("Amid renewed attacks on civilians")
    assert _g("en").is_backdrop(" in keeping with the transition plan")
    assert _g("fr").is_backdrop("2. Dans un environnement où les attaques restent la menace")
    assert _g("zh").is_backdrop("尽管两个营的轮调推迟")
    assert not _g("en").is_backdrop("Twelve contingents rotated in May")
    assert not _g("fr").is_backdrop("La Mission a mené 320 patrouilles")
    assert _g("en").is_deferral(
        "An assessment is being finalized, and I will share its findings with the Council once "
        "it is complete."
    )


def test_a_relative_clause_after_a_comma_sets_the_scene():
    assert _g("en").is_backdrop(" where the Mission had set up temporary operating bases")
    assert _g("fr").is_backdrop(" où la Mission avait installé des bases opérationnelles")
    assert _g("es").is_backdrop(" donde la Misión había instalado bases temporales")
    assert _g("ru").is_backdrop(" где Миссия развертывала временные базы")
    assert _g("ru").is_backdrop(" в которых Миссия развертывала временные базы")
    assert _g("ar").is_backdrop(" وهو جدول سيتعين مراعاته عند تحديث الخطة")
    assert not _g("ru").is_backdrop("Миссия развернула восемь временных баз")
    assert not _g("ar").is_backdrop("وهوية الوحدات معروفة")


def test_words_only_in_a_clause_that_sets_the_scene_do_not_make_the_subject():
    scene = (
        "Clashes between armed groups grew more frequent in the centre. In the Mopti region, "
        "where the Mission had set up temporary operating bases and conducted long-range patrols "
        "in recent months, armed groups returned to villages within days and violence spread "
        "towards Ségou and Koulikoro. Twelve civilians were killed in May."
    )
    judged = _judged(scene)
    assert judged["a.security-challenges"].substantive
    assert judged["a.operations"].score > 0 and not judged["a.operations"].substantive
    news = (
        "The Mission conducted 410 patrols in the centre, which allowed 900 displaced people to "
        "return. It set up eight temporary operating bases. Armed groups remained active."
    )
    assert _judged(news)["a.operations"].substantive


def test_premature_followed_only_by_a_stock_commitment_says_nothing():
    en = _en("2480")
    text = (
        "It is premature to discuss the withdrawal of the Mission. I will continue to work "
        "closely with the Malian authorities, the signatory parties and regional partners."
    )
    assert len(en.passage(text).promised) == 1


def test_saying_only_that_work_goes_on_is_ongoing_in_every_profile():
    ongoing = {
        "zh": ("对各建制警察部队的评估工作仍在进行之中。", "稳定团在中部进行了巡逻。"),
        "en": (
            "The performance of the formed police units continues to be closely monitored.",
            "The Mission continues to patrol the Gao region.",
        ),
        "fr": (
            "La performance des unités de police constituées fait l'objet d'un suivi attentif.",
            "Le cadre a fait l'objet d'un examen à mi-parcours en mars.",
        ),
        "es": (
            "La actuación de los contingentes sigue siendo objeto de un seguimiento atento.",
            "La Misión realizó patrullas en Gao.",
        ),
        "ru": ("Работа над планом перехода продолжается.", "Миссия продолжает патрулирование."),
        "ar": ("لا يزال العمل جاريا على خطة الانتقال.", "نفذت البعثة دوريات في غاو."),
    }
    for lang, (says, does) in ongoing.items():
        assert _g(lang).ongoing_at(says), lang
        assert _g(lang).ongoing_at(does) is None, lang
    attention = {
        "en": "Coordination with the security forces continues to receive close attention.",
        "fr": "La coordination avec les forces de sécurité bénéficie d'une attention constante.",
        "es": "La coordinación con las fuerzas de seguridad sigue recibiendo una atención constante.",
        "zh": "与安全部队的协调持续受到关注。",
    }
    for lang, says in attention.items():
        assert _g(lang).ongoing_at(says), lang
        assert _g(lang).ongoing_at(ongoing[lang][1]) is None, lang  # its own language's statement


def test_a_sentence_saying_only_that_work_goes_on_names_what_it_speaks_of():
    watched = (
        "Twelve contingents rotated in May. The performance of the contingents and formed police "
        "units, like the question of undeclared caveats, continues to be closely monitored by "
        "Force headquarters and the Police component."
    )
    judged = _judged(watched)
    assert judged["a.force-performance"].score > 0
    assert not judged["a.force-performance"].substantive
    # With a figure, or a statement of its own after the predicate, it is an answer again.
    counted = watched.replace("the contingents and", "the 12 contingents and")
    assert _judged(counted)["a.force-performance"].substantive


def test_the_question_asked_beside_premature_or_a_promise_says_nothing():
    en = _en("2531")
    asked = "Several members of the Council asked for my views on the Mission's exit strategy. "
    bare = asked + "It is premature to address that question at this stage."
    assert len(en.passage(bare).promised) == 2
    answered = asked + "The drawdown would depend on four benchmarks agreed with the Government."
    assert en.passage(answered).promised == []
    for lang, sentence in {
        "zh": "安理会若干成员询问我对撤出战略的看法。",
        "fr": "Plusieurs membres du Conseil ont souhaité connaître mes vues sur la sortie.",
        "es": "Varios miembros del Consejo quisieron conocer mi opinión sobre la salida.",
        "ru": "Члены Совета интересовались моим мнением о выводе Миссии.",
        "ar": "طلب أعضاء المجلس معرفة رأيي بشأن خروج البعثة.",
    }.items():
        assert _g(lang).is_question(sentence), lang


def test_a_digest_of_several_matters_answers_each_in_its_own_sentence():
    instance = (
        "The Instance de coordination au Mali met in Gao on 3 March and agreed on a procedure to "
        "deconflict air movements with Operation Barkhane and the Malian armed forces."
    )
    performance = (
        "Of the 20 units evaluated, 15 were rated satisfactory and 5 submitted remedial plans."
    )
    rotations = "Eight contingents (2,400 personnel) were relieved; the relief of another waits."
    digest = " ".join(["Other matters can be reported briefly.", instance, performance, rotations])
    judged = _judged(digest, "2531")
    for element in ("a.instance-coordination", "b.performance", "b.rotations"):
        assert judged[element].substantive, element
    # Two matters are a paragraph about one thing with an aside: the share rule stands.
    aside = " ".join([instance, "The procedure took effect on 10 March.", performance])
    assert not _judged(aside, "2531")["b.performance"].substantive


def test_a_list_of_facts_under_a_lead_in_that_names_the_element_answers_it():
    listed = (
        "Rotations completed during the period: - August: an infantry battalion in Gao, 850 "
        "troops; - October: two formed police units in Bamako and Mopti, 280 officers."
    )
    assert _judged(listed, "2531")["b.rotations"].substantive
    bare = (
        "Rotations completed during the period: - an infantry battalion in Gao; - two formed "
        "police units in Bamako and Mopti."
    )
    assert not _judged(bare, "2531")["b.rotations"].substantive


def test_items_under_a_lead_in_that_names_another_element_are_that_elements():
    listed = (
        "Under the transition plan, the Mission and the country team agreed in November on the "
        "tasks to be handed over: - prison support in Timbuktu and Gao to UNDP from April 2021; "
        "- community violence reduction projects to IOM and UNICEF during 2022; - a study of "
        "national capacities by March 2021, preparing the eventual withdrawal of the Mission "
        "and its exit strategy, with benchmarks and conditions for the withdrawal."
    )
    judged = _judged(listed, "2531")
    assert judged["c.transition-plan"].substantive
    assert judged["c.exit-strategy"].score > 0 and not judged["c.exit-strategy"].substantive


def test_work_not_yet_completed_is_pending_and_a_promise_on_its_outcome_defers():
    not_yet = {
        "en": "The survey of the contingents has not yet been completed",
        "fr": "Le recensement auprès des contingents n'est pas encore achevé",
        "es": "El censo de los contingentes aún no ha concluido",
        "zh": "对各特遣队的调查尚未完成",
        "ar": "لم يكتمل بعد حصر الوحدات",
    }
    for lang, text in not_yet.items():
        assert _g(lang).is_pending(text), lang
    assert not _g("fr").is_pending("Le recensement a été achevé en mars.")
    fr = _g("fr")
    assert fr.is_deferral(
        "J'en communiquerai les conclusions au Conseil dès qu'elles auront été arrêtées."
    )
    assert not fr.is_deferral("Je communiquerai avec les pays contributeurs dès demain.")


def test_supporting_words_elsewhere_do_not_make_a_plan_named_beside_another_the_subject():
    # "handed over" (with a recipient) and "country team" are supporting words of the transition
    # plan: in a sentence on masks for the Government they name nothing, so the plan, named only
    # beside the framework in a stock sentence, is not the passage's subject.
    text = (
        "The Mission worked closely with the United Nations country team: 35,000 masks were "
        "handed over to the Government and 120 health workers were trained in Gao and Mopti. "
        "The integrated strategic framework and the transition plan remain the reference for "
        "this joint work."
    )
    judged = _judged(text)["b.transition-plan"]
    assert judged.score > 0 and not judged.substantive
    assert judged.aside  # nor does a heading announcing it make it its section's subject


def test_after_a_colon_whose_lead_in_names_another_element_its_words_are_touched_in_passing():
    # The lead-in names coordination alone ("a new division of responsibilities was agreed"):
    # what follows the colon says what that division holds; the Mission's protection of civilians
    # there is the Mission's share in it, not an account of its operations.
    text = (
        "The coordination mechanism of the Mission, the Malian armed forces and the Joint Force "
        "met monthly in Gao and Mopti. In November a new division of responsibilities was "
        "agreed in Mopti: the Malian armed forces secure the main roads and the larger towns, "
        "the Mission focuses on the protection of civilians in remote areas, and the Joint "
        "Force works along the border strip. The Mission also supplied the Joint Force with 1.2 "
        "million litres of fuel and medical evacuation support."
    )
    judged = _judged(text)
    assert judged["a.security-coordination"].substantive
    assert judged["a.operations"].score > 0 and not judged["a.operations"].substantive
    # Said in a sentence of its own, the Mission's protection of civilians is its own news.
    own = text.replace("in Mopti: the Malian", "in Mopti. The Malian")
    assert _judged(own)["a.operations"].substantive


def test_a_digest_needs_the_fact_in_the_elements_own_clause():
    # Three matters each in its own sentence (a digest); the exit is named only in a clause
    # beside the draft's date: the date is the draft's fact, not the exit's.
    framework = (
        "The integrated strategic framework was revised in October 2019 with the country team "
        "and now has three priorities: the Agreement, State authority in the centre, and human "
        "rights and justice."
    )
    plan = (
        "A first draft of the transition plan identifies 12 civilian tasks to be handed over to "
        "the country team by 2022, starting with community violence reduction projects in Gao "
        "and Timbuktu."
    )
    passing = (
        "The draft goes to the Government in February 2020; once conditions improve, it will "
        "inform later thinking on the exit strategy."
    )
    judged = _judged(" ".join([framework, plan, passing]))
    assert judged["b.transition-plan"].substantive
    assert judged["b.exit-strategy"].score > 0 and not judged["b.exit-strategy"].substantive
    owned = "The exit strategy rests on 4 benchmarks agreed with the Government in February 2020."
    assert _judged(" ".join([framework, plan, owned]))["b.exit-strategy"].substantive


def test_a_preposition_on_a_terms_first_word_is_the_same_term_in_arabic():
    from mandate.language import normaliser
    from mandate.match import matcher_for
    from mandate.rules import find_mandate

    ar = matcher_for(find_mandate("2480"), "ar")
    text = "أُعدت مسودة أولى لخطة الانتقال في تشرين الأول/أكتوبر."
    assert "لخطة الانتقال" in {h.term for h in ar.passage(text).hits["b.transition-plan"]}
    assert normaliser("ar")("بعثة") == normaliser("ar")("البعثة")  # text keeps its first letter


def test_a_promise_cuts_the_weight_of_what_it_names_only():
    answered = (
        "Evaluations under the performance framework covered 27 units between December and "
        "May; 22 were rated satisfactory, and improvement plans were agreed with the five "
        "others. The Force Commander has issued a directive tying camp inspections to these "
        "evaluations. "
    )
    caveats = (
        "Regarding undeclared caveats, the Secretariat is completing its review with the "
        "troop-contributing countries, and I intend to revert to the Council once that process "
        "has concluded."
    )
    full = _judged(answered + caveats, "2531")
    assert full["b.caveats"].score == 0  # promised: not even a mention
    # A promise of everything in the passage ("details will follow") cuts every element.
    vague = _judged(answered + "Further details will be provided in my next letter.", "2531")
    assert vague["b.performance"].score == full["b.performance"].score / 2


def test_a_clause_mindful_of_a_plan_sets_the_scene_in_every_profile():
    for lang, clause in {
        "en": "and mindful of the transition plan that the framework is to underpin",
        "fr": "et soucieuse du plan de transition que le cadre doit sous-tendre",
        "es": "teniendo presente el plan de transición",
        "ru": "памятуя о плане перехода",
        "ar": "وإدراكا لخطة الانتقال",
        "zh": "铭记过渡计划",
    }.items():
        assert _g(lang).is_backdrop(clause), lang
    assert not _g("en").is_backdrop("the Mission handed over two camps")


def test_words_inside_a_stock_predicate_are_no_elements_news():
    # "… remains the basis for the patrols and protection of civilians of the Mission": the stock
    # predicate says nothing, of its subject or of what its object names.
    text = (
        "The integrated strategic framework remains the basis for the patrols and protection of "
        "civilians of the Mission. In October it was reviewed with the country team, with 4 "
        "joint programmes launched in Mopti."
    )
    operations = _judged(text, "2531")["a.operations"]
    assert operations.score > 0 and operations.aside and not operations.substantive


def test_a_matter_only_promised_is_one_of_a_digests_matters():
    # Performance, rotations and the caveats each in their own sentences: the caveats are only
    # promised, yet the paragraph is a digest of three matters, each answered in its sentences.
    digest = (
        "Evaluations under the performance framework covered 27 units between December and May; "
        "22 were rated satisfactory, and improvement plans were agreed with the five others, two "
        "of which concerned casualty evacuation drills. The Force Commander has issued a "
        "directive tying camp security inspections to these evaluations. Rotations were "
        "constrained by the pandemic: 9,420 personnel rotated through quarantine at Bamako and "
        "Gao, and 6 units had their rotations delayed by up to 11 weeks. Regarding undeclared "
        "caveats, the Secretariat is completing its review with the troop-contributing "
        "countries, and I intend to revert to the Council once that process has concluded."
    )
    judged = _judged(digest, "2531")
    assert judged["b.rotations"].substantive and judged["b.performance"].substantive
    assert judged["b.caveats"].score == 0


def test_a_stem_shorter_than_min_stem_is_no_word_family():
    from mandate.language import normalise

    # Snowball stems "IEDs" to "i": the pronoun "I" would name the security challenges.
    assert normalise("IEDs", "en") != normalise("I", "en")
    assert normalise("rotations", "en") == normalise("rotation", "en")
    text = "I intend to revert to the Council once that process has concluded."
    assert "a.security-challenges" not in _en("2531").passage(text).hits


def test_a_digests_sentence_is_about_the_element_whose_names_weigh_most_there():
    # Performance, rotations and a caveat each in their own sentences; the caveat's sentence
    # also names an escort (operations), in its detail: the sentence is about the caveat, so
    # the paragraph is a digest of three matters, and the rotations are answered in theirs
    # (weighed there, not against all the paragraph says of performance).
    digest = (
        "The Force evaluated 26 military units: three were rated excellent, 19 satisfactory and "
        "four unsatisfactory, mainly in convoy protection and the maintenance of armoured "
        "vehicles. The Police component evaluated its 11 formed police units, all rated "
        "satisfactory. Between June and November, 12 military contingents and three formed "
        "police units were relieved, some 7,850 personnel; 2 rotations were delayed by six "
        "weeks. In August a unit refused to escort a night convoy on the Gao-Ansongo road, "
        "invoking an undeclared national caveat; the convoy was delayed by 4 days."
    )
    judged = _judged(digest, "2531")
    assert judged["b.rotations"].substantive and judged["b.performance"].substantive


def test_the_present_circumstances_hold_no_elements_word_for_every_mandate():
    from mandate.rules import find_mandate

    text = "It is premature to discuss the exit in the current conditions."
    for mandate in ("2480", "2531"):
        hits = _en(mandate).passage(text).hits
        assert all(h.term != "conditions" for hs in hits.values() for h in hs), mandate
    # The phrases are the profiles' (``setting``), not copied into each mandate.
    for mandate in ("2480", "2531", "2692"):
        rules = find_mandate(mandate)
        for lang, names in rules.exclude.items():
            assert not any(_g(lang).setting_spans(name) for name in names), (mandate, lang)


def test_what_follows_a_colon_says_what_its_lead_in_names():
    # One sentence: the adaptation plan's lead-in, then after the colon what it holds. Those
    # clauses are the plan's: it is not a passing clause of a sentence about something else.
    text = (
        "Of the 31 measures of the adaptation plan, 22 had been completed by 15 May, against 15 "
        "in December: the mobile task force now has an operational headquarters in Sévaré, a "
        "transport helicopter unit of four aircraft arrived in Mopti in April, a drone system "
        "flies some 220 hours a month over the centre, and a forward logistics hub has cut "
        "resupply of temporary bases from 10 to 4 days; the nine remaining measures, including "
        "two armed helicopter units, depend on force generation."
    )
    judged = _judged(text, "2531")
    assert judged["a.adaptation-plan"].substantive
    assert judged["a.operations"].aside and not judged["a.operations"].substantive


def test_sentences_naming_nothing_go_on_with_a_paragraphs_only_subject():
    plan = (
        "The transition plan now provides for the phased handover of the Mission's civilian "
        "tasks. In October the Mission and the country team drew up a list of 14 tasks, "
        "including support to the judiciary in Mopti and Timbuktu and demining, which could pass "
        "to UNDP, UNOPS and the Government in 2022 and 2023. For each task a lead entity, a "
        "funding source and readiness indicators have been set."
    )
    assert _judged(plan, "2531")["c.transition-plan"].substantive
    # When another sentence is about something else, the quiet sentences are nobody's.
    other = plan + " The Mission conducted 57 operations and 340 patrols in the centre."
    assert not _judged(other, "2531")["c.transition-plan"].substantive


def test_russian_later_letters_in_the_genitive_plural_are_a_channel():
    ru = _g("ru")
    said = (
        "4. Что касается обсуждений в Координационной инстанции в Мали, то соответствующие "
        "сведения я намерен представить Совету в одном из последующих писем."
    )
    assert ru.is_deferral(said)  # "писем": the fleeting vowel of "письмо"
    assert not ru.is_deferral("Миссия направила 12 писем властям в марте.")


def test_a_numbered_paragraphs_own_number_does_not_hide_its_topic_clause():
    assert _g("en").promising("4. As regards the Instance de coordination au Mali")
    assert _g("ru").promising("4. Что касается обсуждений в Координационной инстанции")


def test_deferrals_and_premature_in_more_words_of_each_profile():
    # "The Council will be seized of it later" (fr), "after its review" (ru): a later time.
    assert _g("fr").is_deferral(
        "Quant au plan de transition, il sera réexaminé et le Conseil en sera saisi ultérieurement."
    )
    assert _g("ru").is_deferral(
        "Обновленные сведения о комплексной стратегической основе будут представлены после ее "
        "пересмотра."
    )
    # "I consider it premature …", as in English, in es, fr and ru; a conditional requirement
    # ("would require") is a condition in Russian too.
    assert _g("es").is_premature("Considero prematuro abordar la estrategia de salida.")
    assert _g("fr").is_premature("J'estime prématurée toute discussion sur le retrait.")
    assert _g("ru").is_premature("Считаю преждевременным называть сроки ухода Миссии.")
    assert _g("ru").has_conditions("Такой шаг потребовал бы возвращения подразделений.")
    assert not _g("es").is_premature("Considero esencial la estrategia de salida.")


def test_a_clause_added_in_passing_to_a_sentence_on_something_else_gets_no_heading_help():
    aircrew = (
        "The period was marked, as regards the Mission's air assets, by delays in the rotation "
        "of the aircrews of the transport helicopter unit in Timbuktu, since the replacement of "
        "pilots planned for September could not be completed until November because of visa "
        "delays, which reduced the flight hours available for two months; the Mission has since "
        "signed a new charter contract, and it may be added, if only in passing, that the "
        "evaluations of the infantry units in the western sector were generally satisfactory."
    )
    performance = _judged(aircrew)["a.force-performance"]
    assert performance.score > 0 and not performance.substantive and performance.aside
    # A sentence that opens with the element and goes on about it keeps its heading's help.
    framework = (
        "The Mission and the country team completed in November the review of the integrated "
        "strategic framework, which now rests on four shared outcomes, namely support to the "
        "Agreement, protection of civilians, State authority and basic services, and which for "
        "the first time includes common indicators, a calendar of half-yearly reviews and a "
        "matrix of responsibilities; the joint steering committee met on 5 December in Bamako "
        "and approved regional workplans for Gao, Timbuktu and Mopti."
    )
    assert not _judged(framework)["b.integrated-strategic-framework"].aside


def test_a_plan_of_corrective_measures_is_a_remedial_plan_in_french():
    from mandate.match import matcher_for
    from mandate.rules import find_mandate

    fr = matcher_for(find_mandate("2480"), "fr")
    text = "Un plan de mesures correctives a été convenu avec le pays fournisseur de contingents."
    hits = fr.passage(text).hits["a.force-performance"]
    assert any(h.term == "plan de mesures correctives" and h.counted for h in hits)


def test_stock_predicates_in_their_plural_and_continuing_to_shape_in_every_profile():
    # "remain the guides" (ru instrumental plural), "continued to shape how …": nothing said.
    assert _g("ru").is_stock(
        "Комплексная стратегическая основа и план остаются ориентирами для Миссии"
    )
    assert _g("fr").is_stock("Le cadre et le plan restent les références de l'action commune")
    for lang, clause in {
        "en": "the Mobile Task Force all continued to shape how the Mission deploys its forces",
        "fr": "la Force d'intervention mobile continue de guider le déploiement de la Mission",
        "es": "la Fuerza de Tareas Móvil sigue orientando el despliegue de la Misión",
        "ru": "мобильная целевая группа продолжает определять развертывание Миссии",
        "ar": "ظلت قوة العمل المتنقلة توجه انتشار البعثة",
        "zh": "机动特遣部队继续指导稳定团的部署",
    }.items():
        assert _g(lang).is_stock(clause), lang
    assert not _g("en").is_stock("the Mission continued to patrol the Gao region")
    dropped = (
        "5. The adaptation plan, the Mobile Task Force and the long-range reconnaissance "
        "capability all continued to shape how the Mission deploys its forces during the period."
    )
    assert not _judged(dropped, "2531")["a.adaptation-plan"].substantive


def test_russian_promises_in_the_first_person_and_matters_being_consolidated():
    ru = _g("ru")
    assert ru.is_deferral("Я представлю их Совету отдельно, когда работа будет завершена.")
    assert ru.is_pending("Сведения о незаявленных оговорках Секретариат сейчас сводит воедино.")
    assert not ru.is_deferral("Мой Специальный представитель посетил Гао в марте.")


def test_russian_rated_satisfactory_and_remedial_plans_are_performance():
    from mandate.match import matcher_for
    from mandate.rules import find_mandate

    ru = matcher_for(find_mandate("2531"), "ru")
    text = (
        "Девятнадцать получили удовлетворительную оценку. Для каждого из четырех подразделений "
        "составлен план исправления недостатков."
    )
    terms = {h.term for h in ru.passage(text).hits["b.performance"] if h.counted}
    assert {"удовлетворительную оценку", "план исправления недостатков"} <= terms


def test_chinese_another_letter_is_a_later_channel():
    zh = _g("zh")
    assert zh.is_deferral("关于部队轮换的具体安排，将另函向安理会报告。")
    assert not zh.is_deferral("两个营将于7月完成换防。")


def test_adjusting_the_posture_is_the_adaptation_plan_without_its_name():
    from mandate.match import matcher_for
    from mandate.rules import find_mandate

    zh = matcher_for(find_mandate("2531"), "zh")
    hits = zh.passage("在调整部署方面，稳定团的工作取得实质进展。").hits["a.adaptation-plan"]
    assert any(h.term == "调整部署" and h.counted for h in hits)


def test_a_framework_shared_with_the_country_team_is_the_integrated_strategic_framework():
    en = _en("2480")
    named = en.passage("The framework was revised with the United Nations country team in 2019.")
    hits = named.hits["b.integrated-strategic-framework"]
    assert any(h.term == "framework" and h.counted for h in hits)
    for other in (
        "Within the framework of the Agreement, the country team supported 12 projects.",
        "The Transition Charter provides the framework for the political transition, which the "
        "country team also supports.",
    ):
        hits = en.passage(other).hits.get("b.integrated-strategic-framework", [])
        assert not any(h.term == "framework" and h.counted for h in hits), other


def test_a_lead_in_names_nothing_in_a_clause_that_sets_the_scene():
    # "En consonancia con ese marco, el plan de transición …:" names the plan alone (the
    # framework only in the scene-setting clause): the clauses after the colon are the plan's.
    from mandate.match import matcher_for
    from mandate.rules import find_mandate

    letter = Path(__file__).resolve().parent.parent / "corpus" / "blind" / "2480-r11"
    text = (letter / "2480-r11-02-prosa-extensa-rotacion-tripulaciones.es.txt").read_text("utf-8")
    paragraph = next(p for p in text.split("\n\n") if p.startswith("En consonancia con ese marco"))
    es = matcher_for(find_mandate("2480"), "es")
    assert es._judge(paragraph, es.passage(paragraph), set())["b.transition-plan"].substantive


def test_malian_is_not_financial_in_arabic():
    # "المالي" is both "financial" and "Malian": it cannot keep performance out of a sentence.
    from mandate.match import matcher_for
    from mandate.rules import find_mandate

    ar = matcher_for(find_mandate("2531"), "ar")
    text = "أبدت الوحدات التي رافقت الجيش المالي أداء مرضيا بوجه عام."
    assert any(h.term == "أداء" and h.counted for h in ar.passage(text).hits["b.performance"])


def test_a_handover_beside_the_drawdown_is_no_security_coordination_in_chinese():
    from mandate.match import matcher_for
    from mandate.rules import find_mandate

    zh = matcher_for(find_mandate("2480"), "zh")
    drawdown = "只有在重组后的马里国防和安全部队实际部署后，稳定团才可考虑分阶段缩编并将职能移交。"
    hits = zh.passage(drawdown).hits.get("a.security-coordination", [])
    assert not any(h.term == "移交" and h.counted for h in hits)
    handover = "稳定团在基达尔向马里国防和安全部队移交了两处营地的安保责任。"
    hits = zh.passage(handover).hits["a.security-coordination"]
    assert any(h.counted for h in hits)


def test_liaison_with_the_security_forces_is_coordination():
    en = _en("2480")
    text = (
        "Liaison with the Malian Defence and Security Forces on patrol schedules improved in Gao."
    )
    hits = en.passage(text).hits["a.security-coordination"]
    assert any(h.term == "liaison" and h.counted for h in hits)
    donors = en.passage("Liaison with donors improved.").hits.get("a.security-coordination", [])
    assert not any(h.counted for h in donors)


def test_what_follows_premature_must_speak_of_something():
    en = _en("2480")
    off_topic = (
        "It is premature to discuss the Mission's exit. The Malian Armed Forces withdrew from "
        "several isolated posts in the Ménaka and Gourma areas in February and regrouped in "
        "larger garrisons."
    )
    assert len(en.passage(off_topic).promised) == 1  # a bare "premature"
    assessed = (
        "It is premature to discuss the Mission's exit. The drawdown would follow the "
        "redeployment of the reconstituted units to the north."
    )
    assert en.passage(assessed).promised == []


def test_a_term_that_holds_an_excluded_phrase_whole_stands():
    from mandate.match import _holds, matcher_for
    from mandate.rules import find_mandate

    assert _holds(0, 25, (8, 25)) and not _holds(8, 25, (8, 25)) and not _holds(0, 10, (5, 20))
    ru = matcher_for(find_mandate("2531"), "ru")
    plan = ru.passage(
        "Комплексная стратегическая основа и план на переходный период остаются в силе."
    )
    assert any(h.counted for h in plan.hits["c.transition-plan"])
    political = ru.passage("Переходный период продлится восемнадцать месяцев.")
    assert not any(h.counted for h in political.hits.get("c.transition-plan", []))


DEFERRALS = {  # one battery, written for the grammar (not taken from any letter): each a promise
    "en": [
        "Details of the rotations will be provided in a separate letter.",
        "I will revert to the Council on this matter once the review is complete.",
        "The Council will be informed of the outcome in due course.",
        "Further information will be shared with the Council when available.",
    ],
    "fr": [
        "Les détails des relèves feront l'objet d'une lettre distincte.",
        "Je reviendrai vers le Conseil sur cette question une fois l'examen achevé.",
        "De plus amples informations seront communiquées au Conseil dès qu'elles seront disponibles.",
    ],
    "es": [
        "Los detalles de las rotaciones se presentarán en una carta aparte.",
        "Volveré a informar al Consejo sobre esta cuestión una vez concluido el examen.",
        "Se facilitará más información al Consejo cuando esté disponible.",
    ],
    "ru": [
        "Подробная информация о ротации будет представлена в отдельном письме.",
        "Я вернусь к этому вопросу в Совете после завершения обзора.",
        "Совет будет в свое время проинформирован о результатах.",
        "О результатах оценок я доложу позднее.",
    ],
    "ar": [
        "وستقدم تفاصيل التناوب في رسالة منفصلة.",
        "وسأعود إلى المجلس بشأن هذه المسألة بعد اكتمال الاستعراض.",
        "وسأقدم تقريرا عن نتائج التقييمات في مرحلة لاحقة.",
        "وستقدم معلومات إضافية إلى المجلس حال توافرها.",
    ],
    "zh": ["轮调的详细情况将另函报告。", "一旦获得更多信息，将向安理会提供。"],
}
NOT_DEFERRALS = {  # actions with a future and a time: no information promised
    "en": ["Two battalions will rotate in July when the airport is available."],
    "es": ["Dos batallones rotarán en julio cuando esté disponible el aeropuerto."],
    "ru": ["Батальон вернется в Гао в июле."],
    "ar": ["ستنتشر البعثة في غاو عند توفر الطائرات."],
    "zh": ["一旦部署完成，两个营将在加奥巡逻。"],
}


def test_a_battery_of_promises_is_deferral_in_every_profile():
    for lang, sentences in DEFERRALS.items():
        for sentence in sentences:
            assert _g(lang).is_deferral(sentence), (lang, sentence)
    for lang, sentences in NOT_DEFERRALS.items():
        for sentence in sentences:
            assert not _g(lang).is_deferral(sentence), (lang, sentence)


STOCK = {  # a battery written for the grammar: an element named with a predicate that says nothing
    "en": [
        "The integrated strategic framework remains central to the work of the United Nations",
        "The transition plan continues to guide the joint efforts of the Mission",
        "The transition plan remains relevant",
    ],
    "fr": [
        "Le cadre stratégique intégré demeure au cœur de l'action des Nations Unies au Mali",
        "Le plan de transition reste pertinent",
    ],
    "es": [
        "El marco estratégico integrado sigue siendo fundamental para la labor de la Misión",
        "El plan de transición sigue siendo pertinente",
    ],
    "ru": [
        "Комплексная стратегическая основа по-прежнему занимает центральное место в работе",
        "План перехода сохраняет свою актуальность",
    ],
    "ar": [
        "لا يزال الإطار الاستراتيجي المتكامل محوريا في عمل الأمم المتحدة في مالي",
        "لا تزال خطة الانتقال وجيهة",
    ],
    "zh": ["综合战略框架仍是联合国在马里工作的核心", "过渡计划仍然具有现实意义"],
}


def test_a_battery_of_stock_predicates_says_nothing_in_every_profile():
    for lang, clauses_ in STOCK.items():
        for clause in clauses_:
            assert _g(lang).is_stock(clause), (lang, clause)
    assert not _g("en").is_stock("The Mission remains at the centre of Mopti town")
    assert not _g("fr").is_stock("La Mission reste au centre de Mopti")


ONGOING = {  # a battery written for the grammar: sentences saying only that work goes on
    "es": [
        "Prosiguen los trabajos sobre el plan de transición.",
        "El desempeño de las unidades es objeto de un estrecho seguimiento.",
        "Las consultas sobre la estrategia de salida continúan.",
    ],
    "ar": ["يخضع أداء الوحدات لرصد دقيق.", "لا يزال استعراض الإطار قيد التنفيذ."],
    "zh": ["各单位的业绩正受到密切监测。", "对框架的审查仍在进行。"],
}


def test_a_battery_of_work_going_on_is_ongoing_in_every_profile():
    for lang, sentences in ONGOING.items():
        for sentence in sentences:
            assert _g(lang).ongoing_at(sentence), (lang, sentence)
    assert _g("zh").ongoing_at("两个营正在进行换防。") is None
    assert _g("es").ongoing_at("Continúan las patrullas en Gao con 40 salidas.") is None


PREMATURE = {  # a battery written for the grammar: "not yet" refusals, like "premature"
    "en": [
        "It is not yet possible to set a timetable for the Mission's exit.",
        "The time has not yet come to discuss the exit.",
    ],
    "fr": ["Il n'est pas encore possible de fixer un calendrier de retrait."],
    "es": [
        "Todavía no es posible fijar un calendario de retirada.",
        "Aún no ha llegado el momento de examinar la salida.",
    ],
    "ru": [
        "Пока не представляется возможным определить сроки ухода.",
        "Время для обсуждения ухода еще не пришло.",
    ],
    "ar": ["لا يمكن في هذه المرحلة تحديد جدول زمني للخروج.", "لم يحن الوقت بعد لمناقشة الخروج."],
    "zh": ["目前还无法确定撤出时间表。", "讨论撤出的时机尚未成熟。"],
}


def test_a_battery_of_not_yet_refusals_is_premature_in_every_profile():
    for lang, sentences in PREMATURE.items():
        for sentence in sentences:
            assert _g(lang).is_premature(sentence), (lang, sentence)
    # What could not be done is a fact, not a refusal to say.
    assert not _g("en").is_premature("It was not possible to rotate two battalions in May.")
    assert not _g("fr").is_premature("Il n'a pas été possible de relever deux bataillons.")


def test_a_concession_sets_the_scene_in_every_profile_and_arabic_clauses_may_open_with_wa():
    for lang, clause in {
        "en": "Although the rotation of two battalions was delayed",
        "fr": "Bien que la relève de deux bataillons ait été retardée",
        "es": "Aunque la rotación de dos batallones se retrasó",
        "ru": "Хотя ротация двух батальонов была отложена",
        "ar": "وعلى الرغم من تأخر تناوب كتيبتين",
    }.items():
        assert _g(lang).is_backdrop(clause), lang
    # A frame that the sentence's news is about ("as part of the transition plan, the Mission
    # handed over …") is no concession: it stays the news.
    assert not _g("en").is_backdrop("As part of the transition plan")
    assert _g("ar").promising("وأما التناوب") and _g("ar").promising("وبالنسبة إلى التناوب")
    assert not _g("ar").promising("وأجرت البعثة 12 دورية")
