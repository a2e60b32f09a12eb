"""Steps of languages.feature: letters in each language, built here; the expected values are in the
feature's tables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from lettercraft import FIXTURES
from pytest_bdd import given, parsers, scenarios, then, when

from mandate import language
from mandate.lint import lint
from mandate.models import Role
from mandate.read import read
from mandate.rules import find_mandate
from mandate.segment import segment

scenarios("languages.feature")

MANDATE_CLI = Path(sys.executable).with_name("mandate")

# Title, restated request (citing resolution 2480 (2019)), a body paragraph, closing, signature.
SHORT = {
    "Chinese": [
        "2020年6月1日秘书长给安全理事会主席的信",
        "谨提及安全理事会第2480(2019)号决议，安理会在该决议中要求我向安理会提交一封信函。",
        "稳定团在本报告所述期间继续在马里中部开展行动，并与马里国防和安全部队协调巡逻。",
        "请提请安全理事会成员注意本信为荷。",
        "(签名)安东尼奥·古特雷斯",
    ],
    "English": [
        "Letter dated 1 June 2020 from the Secretary-General addressed to the President of the "
        "Security Council",
        "I have the honour to refer to Security Council resolution 2480 (2019), by which the "
        "Council requested me to provide it with a letter.",
        "During the period, the Mission continued its operations in the centre of the country and "
        "coordinated its patrols with the national defence and security forces.",
        "I should be grateful if you would bring the present letter to the attention of the "
        "members of the Security Council.",
        "(Signed) António Guterres",
    ],
    "French": [
        "Lettre datée du 1er juin 2020 adressée au Président du Conseil de sécurité par le "
        "Secrétaire général",
        "J'ai l'honneur de me référer à la résolution 2480 (2019) du Conseil de sécurité, par "
        "laquelle le Conseil m'a prié de lui présenter une lettre.",
        "Pendant la période, la Mission a poursuivi ses opérations dans le centre du pays et a "
        "coordonné ses patrouilles avec les forces de défense et de sécurité.",
        "Je vous serais reconnaissant de bien vouloir porter la présente lettre à l'attention des "
        "membres du Conseil de sécurité.",
        "(Signé) António Guterres",
    ],
    "Spanish": [
        "Carta de fecha 1 de junio de 2020 dirigida a la Presidencia del Consejo de Seguridad por "
        "el Secretario General",
        "Tengo el honor de referirme a la resolución 2480 (2019) del Consejo de Seguridad, en la "
        "que el Consejo me solicitó que le presentara una carta.",
        "Durante el período, la Misión prosiguió sus operaciones en el centro del país y coordinó "
        "sus patrullas con las fuerzas de defensa y de seguridad.",
        "Le agradecería que tuviera a bien señalar la presente carta a la atención de los miembros "
        "del Consejo de Seguridad.",
        "(Firmado) António Guterres",
    ],
    "Russian": [
        "Письмо Генерального секретаря от 1 июня 2020 года на имя Председателя Совета Безопасности",
        "Имею честь сослаться на резолюцию 2480 (2019) Совета Безопасности, в которой Совет просил "
        "меня представить ему письмо.",
        "В течение периода Миссия продолжала операции в центре страны и координировала "
        "патрулирование с национальными силами обороны и безопасности.",
        "Буду признателен Вам за доведение настоящего письма до сведения членов Совета "
        "Безопасности.",
        "(Подпись) Антониу Гутерриш",
    ],
    "Arabic": [
        "رسالة مؤرخة 1 حزيران/يونيه 2020 موجهة إلى رئيس مجلس الأمن من الأمين العام",
        "أتشرف بالإشارة إلى قرار مجلس الأمن 2480 (2019) الذي طلب فيه المجلس إليّ أن أقدم إلى "
        "المجلس رسالة.",
        "وخلال الفترة، واصلت البعثة عملياتها في وسط البلد ونسقت دورياتها مع قوات الدفاع والأمن "
        "الوطنية.",
        "وأكون ممتنا لو تفضلتم بإطلاع أعضاء مجلس الأمن على هذه الرسالة.",
        "(توقيع) أنطونيو غوتيريش",
    ],
    "German": [
        "Schreiben des Generalsekretärs vom 1. Juni 2020 an den Präsidenten des Sicherheitsrats",
        "Ich beziehe mich auf die Resolution 2480 (2019) des Sicherheitsrats, in der mich der Rat "
        "ersucht hat, ihm einen Brief vorzulegen.",
        "Die Mission hat ihre Einsätze in der Mitte des Landes fortgesetzt und die Patrouillen mit "
        "den nationalen Kräften abgestimmt.",
    ],
    "Portuguese": [
        "Carta datada de 1 de junho de 2020 dirigida ao Presidente do Conselho de Segurança",
        "Tenho a honra de me referir à resolução 2480 (2019) do Conselho de Segurança, na qual o "
        "Conselho me pediu que lhe apresentasse uma carta.",
        "Durante o período, a Missão prosseguiu as suas operações no centro do país e coordenou as "
        "patrulhas com as forças de defesa e segurança.",
    ],
    "Italian": [
        "Lettera del 1 giugno 2020 del Segretario generale al Presidente del Consiglio di sicurezza",
        "Ho l'onore di fare riferimento alla risoluzione 2480 (2019) del Consiglio di sicurezza, "
        "con la quale il Consiglio mi ha chiesto di presentare una lettera.",
        "Durante il periodo, la Missione ha proseguito le sue operazioni nel centro del paese e ha "
        "coordinato le pattuglie con le forze di difesa e di sicurezza.",
    ],
}

# A body paragraph with a placeholder, a past event dated after the letter, a breakdown that does
# not add up and a percentage that is wrong, written with each language's number formats.
DEFECTS = {
    "Spanish": "El 15 de julio de 2020 la Misión desplegó [XX] efectivos en Ménaka. La Misión "
    "dispone de 1.200 vehículos: 900 (75,0 %) en uso, 200 en reparación y 150 fuera de servicio. "
    "Se evaluaron 1.200 efectivos: 300 (40,0 %) en el norte y 900 en el sur.",
    "Russian": "15 июля 2020 года Миссия развернула [XX] военнослужащих в Менаке. Миссия "
    "располагает 1 200 машинами: 900 (75,0 процента) используются, 200 находятся в ремонте и "
    "150 списаны. Проведена оценка 1 200 военнослужащих: 300 (40,0 процента) на севере и 900 на "
    "юге.",
    "Arabic": "في ١٥ تموز/يوليه ٢٠٢٠ نشرت البعثة [XX] فردا في ميناكا. وتملك البعثة ١٬٢٠٠ مركبة: "
    "٩٠٠ منها (٧٥٫٠ في المائة) قيد الاستخدام، و ٢٠٠ قيد الإصلاح، و ١٥٠ خارج الخدمة. وجرى تقييم "
    "١٬٢٠٠ فرد: ٣٠٠ (٤٠٫٠ في المائة) في الشمال و ٩٠٠ في الجنوب.",
}


def _write(ctx: dict, blocks: list[str], name: str = "letter.txt") -> None:
    path = ctx["tmp"] / name
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    ctx["letter"] = path
    ctx["before"] = path.read_bytes()


def _cli(ctx: dict) -> list[str]:
    return [str(MANDATE_CLI), "check", str(ctx["letter"]), "--mandate", str(ctx["rules"])]


def _env(ctx: dict) -> dict[str, str]:
    env = dict(os.environ)
    if ctx.get("languages"):
        env[language.LANGUAGES_ENV] = str(ctx["languages"])
    return env


@given(parsers.parse("a short letter in {name}"))
def short_letter(ctx: dict, name: str) -> None:
    _write(ctx, SHORT[name])


@given(parsers.parse("a short letter in {name} with drafting defects"))
def defect_letter(ctx: dict, name: str) -> None:
    blocks = SHORT[name]
    _write(ctx, [*blocks[:3], DEFECTS[name], *blocks[3:]])


@given("the made-up Portuguese profile from the test fixtures")
def portuguese_profile(ctx: dict) -> None:
    ctx["languages"] = FIXTURES / "languages"


@given(parsers.parse('a Portuguese letter for the made-up mandate "{name}"'))
def portuguese_letter(ctx: dict, name: str) -> None:
    ctx["rules"] = FIXTURES / "mandates" / name
    _write(
        ctx,
        [
            "Carta datada de 15 de dezembro de 2031 dirigida ao Presidente do Conselho de "
            "Segurança pelo Secretário-Geral",
            "Tenho a honra de me referir à resolução 9002 (2031), na qual o Conselho me solicitou "
            "que informasse sobre a água nos campos e a matrícula das crianças deslocadas.",
            "Nos campos do norte, o abastecimento de água melhorou: foram perfurados doze poços "
            "artesianos e os camiões-cisterna entregam água potável todos os dias. As bombas "
            "avariadas foram reparadas e o saneamento foi alargado a todas as famílias.",
            "Foram abertas 40 salas de aula: 25 no norte, 10 no centro e os restantes 8 no sul. "
            "As matrículas das crianças deslocadas aumentaram e as escolas receberam mais "
            "professores, mas [número] alunos ainda não têm lugar.",
            "Muito grato se Vossa Excelência levasse a presente carta ao conhecimento dos membros "
            "do Conselho de Segurança.",
            "(Assinado) António Guterres",
        ],
        name="carta.txt",
    )


@when("the checker reads it")
def reads_it(ctx: dict) -> None:
    ctx["document"] = segment(read(ctx["letter"]))


def _checked(ctx: dict, args: list[str]) -> subprocess.CompletedProcess:
    """`mandate check` on the scenario's letter: a verdict (exit 0 or 1), never a refusal."""
    proc = subprocess.run(
        [*_cli(ctx), *args],
        capture_output=True,
        text=True,
        cwd=ctx["tmp"],
        env=_env(ctx),
        timeout=120,
    )
    assert proc.returncode in (0, 1), proc.stderr
    return proc


@when(parsers.parse('the desk officer checks it with "{option}"'))
def checks_with(ctx: dict, option: str) -> None:
    ctx["proc"] = proc = _checked(ctx, option.split())
    ctx["result"] = json.loads(proc.stdout)
    ctx["findings"] = [
        (f["rule"], f["severity"], f["excerpt"], f["message"]) for f in ctx["result"]["findings"]
    ]


@when("the defect checks run on it")
def defect_checks(ctx: dict) -> None:
    document = segment(read(ctx["letter"]))
    ctx["findings"] = [
        (f.rule, f.severity, f.excerpt, f.message) for f in lint(document, find_mandate("2480"))
    ]


@then(parsers.parse('the letter is read as "{code}"'))
def read_as(ctx: dict, code: str) -> None:
    assert ctx["document"].language == code


@then("its title, restated request, closing and signature are recognised")
def roles_recognised(ctx: dict) -> None:
    roles = [p.role for p in ctx["document"].paragraphs]
    assert roles == [Role.TITLE, Role.REQUEST, Role.BODY, Role.CLOSING, Role.SIGNATURE]
    assert ctx["document"].cited_resolutions == [2480]


@then(parsers.parse('the letter is reported as "{code}"'))
def reported_as(ctx: dict, code: str) -> None:
    assert ctx["result"]["letter"]["language"] == code


@then(parsers.parse("{ids} are covered"))
def are_covered(ctx: dict, ids: str) -> None:
    status = {r["id"]: r["status"] for r in ctx["result"]["requirements"]}
    assert status == {i.strip(): "covered" for i in ids.split(",")}


@then(parsers.parse('the findings include a "{rule}" {severity} on "{text}"'))
def finding_on(ctx: dict, rule: str, severity: str, text: str) -> None:
    assert any(r == rule and s == severity and text in e for r, s, e, _ in ctx["findings"]), ctx[
        "findings"
    ]


@then(parsers.parse('the findings include a "{rule}" {severity} saying "{text}"'))
def finding_saying(ctx: dict, rule: str, severity: str, text: str) -> None:
    assert any(r == rule and s == severity and text in m for r, s, _, m in ctx["findings"]), ctx[
        "findings"
    ]


@then(parsers.parse('there is no "{rule}" finding'))
def no_finding(ctx: dict, rule: str) -> None:
    assert not [f for f in ctx["findings"] if f[0] == rule], ctx["findings"]


@then("an HTML report of it can be written")
def html_report(ctx: dict) -> None:
    out = ctx["tmp"] / "carta.html"
    _checked(ctx, ["--format", "html", "--output", str(out)])
    html = out.read_text(encoding="utf-8")
    assert "a.agua" in html or "Abastecimento de água" in html
    assert ctx["letter"].read_bytes() == ctx["before"]
