Feature: Verdicts that hold on letters nobody here wrote
  A desk officer needs the verdict to follow what a passage says, not which words it borrows:
  naming an element is not answering it, a promise is not an answer in any wording, word forms do
  not matter, a list is read with its lead-in, the layout of a PDF does not change the verdict, and
  the vocabularies grow from real drafts.

  Scenario Outline: Naming is not answering (<language>)
    Given the <language> letter whose framework section only says "<sentence>"
    When the desk officer checks it against mandate "2480"
    Then b.integrated-strategic-framework is partial
    And the reason for b.integrated-strategic-framework in <code> begins "<reason>"

    Examples:
      | language | code | sentence | reason |
      | Chinese  | zh   | 综合战略框架将为过渡计划和最终的撤出战略提供依据。 | 仅点名，未作说明 |
      | English  | en   | The integrated strategic framework will underpin the transition plan and, eventually, the exit strategy. | Named, not described |
      | French   | fr   | Le cadre stratégique intégré sous-tendra le plan de transition et, à terme, la stratégie de sortie. | Nommé, non décrit |

  Scenario Outline: A stock predicate says nothing of its subject (<language>)
    Given the <language> letter whose framework section only says "<sentence>"
    When the desk officer checks it against mandate "2480"
    Then b.integrated-strategic-framework is partial
    And the reason for b.integrated-strategic-framework in <code> begins "<reason>"

    Examples:
      | language | code | sentence | reason |
      | Chinese  | zh   | 综合战略框架仍是稳定团与联合国国家工作队共同开展工作的基础。 | 仅点名，未作说明 |
      | English  | en   | The integrated strategic framework remains the overall basis for the joint work of the Mission and the United Nations country team. | Named, not described |
      | French   | fr   | Le cadre stratégique intégré demeure le socle de l'action conjointe de la Mission et de l'équipe de pays des Nations Unies. | Nommé, non décrit |

  Scenario Outline: Supporting words elsewhere do not make a plan named beside the framework its subject (<language>)
    Given the <language> letter whose framework section only says "<sentence>"
    When the desk officer checks it against mandate "2480"
    Then b.transition-plan is partial

    Examples:
      | language | sentence |
      | Chinese  | 稳定团与联合国国家工作队密切合作：向政府移交了35 000个口罩，并在加奥和莫普提培训了120名卫生工作者。综合战略框架和过渡计划仍是这项共同工作的依据。 |
      | English  | The Mission worked closely with the United Nations country team: 35,000 masks were handed over to the Government and 120 health workers were trained in Gao and Mopti. The integrated strategic framework and the transition plan remain the reference for this joint work. |
      | French   | La Mission a travaillé en étroite collaboration avec l'équipe de pays des Nations Unies : 35 000 masques ont été remis au Gouvernement et 120 agents de santé ont été formés à Gao et à Mopti. Le cadre stratégique intégré et le plan de transition demeurent la référence de ce travail commun. |

  Scenario Outline: A promise cuts what it names, not the rest of its paragraph (<language>)
    Given the <language> letter whose framework section only says "<sentence>" and that has no rotations section
    When the desk officer checks it against mandate "2480"
    Then a.rotations is covered

    Examples:
      | language | sentence |
      | Chinese  | 6月至11月间，12个特遣队和3个建制警察部队完成了轮调，共计7 850人；2次轮调因包机不足推迟了6周。综合战略框架正在审查之中，我将在下一封信中报告。 |
      | English  | Between June and November 12 contingents and 3 formed police units were relieved, some 7,850 personnel; 2 rotations were delayed by 6 weeks for want of charter flights. The integrated strategic framework is under review, and I will report on it in my next letter. |
      | French   | Entre juin et novembre, 12 contingents et 3 unités de police constituées ont été relevés, soit 7 850 personnes ; 2 relèves ont été retardées de 6 semaines faute d'avions affrétés. Le cadre stratégique intégré est en cours de révision, et j'en rendrai compte dans ma prochaine lettre. |

  Scenario Outline: Sentences that name nothing go on with their paragraph's only subject (<language>)
    Given the <language> letter whose rotations section only says "<paragraph>" and that has no framework section
    When the desk officer checks it against mandate "2480"
    Then b.transition-plan is covered

    Examples:
      | language | paragraph |
      | Chinese  | 过渡计划目前规定逐步移交稳定团的民事任务。10月，稳定团和国家工作队拟定了一份包含14项任务的清单，其中包括在莫普提和通布图支持司法系统以及排雷，这些任务可在2022年和2023年由开发署、项目署和马里政府接手。每项任务均已确定牵头单位、资金来源和准备就绪指标。 |
      | English  | The transition plan now provides for the phased handover of the Mission's civilian tasks. In October the Mission and the country team drew up a list of 14 tasks, including support to the judiciary in Mopti and Timbuktu and demining, which could pass to UNDP, UNOPS and the Government in 2022 and 2023. For each task a lead entity, a funding source and readiness indicators have been set. |
      | French   | Le plan de transition prévoit désormais le transfert progressif des tâches civiles de la Mission. En octobre, la Mission et l'équipe de pays ont dressé une liste de 14 tâches, dont l'appui à la justice à Mopti et à Tombouctou et le déminage, qui pourraient revenir au PNUD, à l'UNOPS et au Gouvernement en 2022 et 2023. Pour chacune, une entité responsable, une source de financement et des indicateurs de préparation ont été fixés. |

  Scenario Outline: A clause added in passing is no answer, even under a heading that announces it (<language>)
    Given the <language> letter whose framework section only says "<sentence>"
    When the desk officer checks it against mandate "2480"
    Then b.transition-plan is partial

    Examples:
      | language | sentence |
      | Chinese  | 本期间，向基达尔和泰萨利特营地运送燃料的工作一再延误，原定9月出发的车队因道路遇袭直到11月才离开加奥，发电机运行时间因此缩减了两个月；稳定团此后签订了新的燃料合同，顺便提及，过渡计划已在2次讲习班上与国家工作队进行了讨论。 |
      | English  | The period was marked by delays in the delivery of fuel to the camps in Kidal and Tessalit, since the convoys planned for September could not leave Gao until November because of attacks on the road, which cut generator hours for two months; the Mission has since signed a new fuel contract, and it may be added, if only in passing, that the transition plan was discussed with the country team in 2 workshops. |
      | French   | La période a été marquée par des retards dans l'acheminement du carburant vers les camps de Kidal et de Tessalit, les convois prévus en septembre n'ayant pu quitter Gao qu'en novembre en raison d'attaques sur la route, ce qui a réduit de deux mois les heures de fonctionnement des groupes électrogènes ; la Mission a depuis conclu un nouveau contrat, et l'on notera, en passant, que le plan de transition a été examiné avec l'équipe de pays lors de 2 ateliers. |

  Scenario Outline: Saying only that work goes on names the element, it does not answer (<language>)
    Given the <language> letter whose rotations section only says "<sentence>"
    When the desk officer checks it against mandate "2480"
    Then a.rotations is partial
    And the reason for a.rotations in <code> begins "<reason>"

    Examples:
      | language | code | sentence | reason |
      | Chinese  | zh   | 部署在加奥和基达尔的各特遣队的轮调及其业绩评估工作目前仍在进行之中。 | 仅点名，未作说明 |
      | English  | en   | The rotation of the contingents deployed in Gao and Kidal, like their performance, continues to be closely monitored by Force headquarters. | Named, not described |
      | French   | fr   | La relève des contingents déployés à Gao et à Kidal, tout comme leur performance, continue de faire l'objet d'un suivi attentif du quartier général de la Force. | Nommé, non décrit |

  Scenario Outline: A clause that sets the scene is a passing mention (<language>)
    Given the <language> letter whose rotations section only says "<sentence>"
    When the desk officer checks it against mandate "2480"
    Then a.rotations is partial
    And the reason for a.rotations in <code> begins "<reason>"

    Examples:
      | language | code | sentence | reason |
      | Chinese  | zh   | 尽管加奥和基达尔的2个特遣队的轮调推迟了6周，稳定团仍在中部开展了320次巡逻，并护送了40支车队。 | 仅顺带提及 |
      | English  | en   | Despite a delay of 6 weeks in the rotation of 2 contingents in Gao and Kidal, the Mission conducted 320 patrols in the centre and escorted 40 convoys. | Only touched in passing |
      | French   | fr   | Malgré un retard de 6 semaines dans la relève de 2 contingents à Gao et Kidal, la Mission a mené 320 patrouilles dans le centre et escorté 40 convois. | Seulement mentionné en passant |

  Scenario Outline: A promise in the conditional or the passive is not an answer (<language>)
    Given the <language> letter whose rotations section only says "<sentence>"
    When the desk officer checks it against mandate "2480"
    Then a.rotations is missing
    And the reason for a.rotations in <code> begins "<reason>"

    Examples:
      | language | code | sentence | reason |
      | Chinese  | zh   | 各特遣队换防的安排仍在与部队派遣国商定之中，具体情况容后另行奉告。 | 仅承诺在以后的信函中提供 |
      | English  | en   | The relief schedule for the contingents would be shared with the Council once the contributing countries have reviewed it. | Only promised for a later letter |
      | French   | fr   | Un point sur les relèves des contingents pourrait être présenté au Conseil dans ma prochaine lettre. | Seulement promis pour une lettre ultérieure |

  Scenario Outline: A promise is not an answer, however it is worded (<language>)
    Given the <language> letter whose rotations section only says "<sentence>"
    When the desk officer checks it against mandate "2480"
    Then a.rotations is missing
    And the reason for a.rotations in <code> begins "<reason>"

    Examples:
      | language | code | sentence | reason |
      | Chinese  | zh   | 关于换防安排的具体情况，将在随后的简报中向安理会说明。 | 仅承诺在以后的信函中提供 |
      | English  | en   | Particulars of the forthcoming troop swaps are to be shared with the Council in a later update. | Only promised for a later letter |
      | French   | fr   | Les précisions sur les prochaines relèves des contingents feront l'objet d'un courrier ultérieur. | Seulement promis pour une lettre ultérieure |

  Scenario Outline: "Premature" alone is no answer; with its conditions it is (<language>)
    Given the <language> letter whose exit section only says "<bare>"
    When the desk officer checks it against mandate "2480"
    Then b.exit-strategy is not covered
    Given the <language> letter whose exit section only says "<assessed>"
    When the desk officer checks it against mandate "2480"
    Then b.exit-strategy is covered

    Examples:
      | language | bare | assessed |
      | Chinese  | 目前考虑稳定团的撤出战略为时尚早。 | 目前确定稳定团撤出的时间表为时尚早，但撤出的条件是：《协议》主要条款得到落实，国家当局在北部和中部恢复存在，马里国防和安全部队能够独立保护平民。 |
      | English  | It is premature to consider an exit strategy for the Mission. The Council will be kept informed. | It is premature to set a date for the Mission's withdrawal, but the conditions are clear: the core provisions of the Agreement implemented, State authority restored in the north and centre, and Malian forces able to protect civilians on their own. |
      | French   | Il est prématuré d'envisager une stratégie de sortie pour la Mission. Le Conseil en sera tenu informé. | Il est prématuré de fixer une date pour le retrait de la Mission, mais les conditions sont connues : la mise en œuvre des dispositions essentielles de l'Accord, le retour de l'État dans le nord et le centre, et des forces maliennes capables de protéger seules les civils. |

  Scenario Outline: Word forms do not matter (<language>)
    Given the <language> letter whose rotations section only says "<sentence>"
    When the desk officer checks it against mandate "2480"
    Then a.rotations is covered
    And the reason for a.rotations in <code> begins "<reason>"

    Examples:
      | language | code | sentence | reason |
      | Chinese  | zh   | 5月有四个特遣队完成轮换，另有两个步兵营于6月在加奥和通布图换防，新到部队均完成了14天隔离。 | 见 |
      | English  | en   | Four contingents were replaced in May, and the replacements of two infantry battalions in Gao and Timbuktu followed in June after a 14-day quarantine. | Answered in |
      | French   | fr   | Quatre contingents ont été relevés en mai, et les relèves de deux bataillons d'infanterie à Gao et Tombouctou ont suivi en juin après une quarantaine de 14 jours. | Traité |

  Scenario Outline: A list is read with its lead-in (<language>)
    Given the <language> letter whose rotations section is the list "<lead>" with items "<items>"
    When the desk officer checks it against mandate "2480"
    Then a.rotations is covered
    And the evidence for a.rotations quotes every item of the list

    Examples:
      | language | lead | items |
      | Chinese  | 本期内的部队轮换情况如下： | 两个步兵营于5月在加奥完成换防; 一个建制警察部队于6月在通布图完成轮换; 两个连的轮换因旅行限制推迟到7月 |
      | English  | Rotations of contingents in the period: | two infantry battalions rotated in Gao in May; one formed police unit rotated in Timbuktu in June; two companies had their rotation postponed to July |
      | French   | Les relèves des contingents pendant la période : | deux bataillons d'infanterie relevés à Gao en mai; une unité de police constituée relevée à Tombouctou en juin; la relève de deux compagnies reportée à juillet |

  Scenario Outline: A PDF laid out by another producer reads like the text (<language>)
    Given the <language> letter printed to PDF with <layout>
    When the desk officer checks the PDF and the text against mandate "2480"
    Then both have the same sections, section labels and verdicts

    Examples:
      | language | layout |
      | Chinese  | headings set apart by size alone and paragraphs by small gaps |
      | English  | headings set apart by a bold face alone and justified text |
      | French   | headings set apart by spacing alone and first-line indents |

  Scenario Outline: The vocabularies grow from real drafts (<language>)
    Given the <language> letter whose rotations section only says "<sentence>"
    When the desk officer asks for suggestions against mandate "2480"
    Then a rotations paragraph under its heading is suggested with the words "<words>"

    Examples:
      | language | sentence | words |
      | Chinese  | 塞内加尔营于5月在基达尔完成交班，新营随即接续驻守；埃及连和多哥连的交班定于7月。 | 交班 |
      | English  | The changeover of the Senegalese battalion in Kidal was completed in May, when a fresh battalion succeeded it; two further changeovers are scheduled for July. | changeover, succeeded |
      | French   | La permutation du bataillon sénégalais à Kidal s'est achevée en mai, un nouveau bataillon lui ayant succédé ; deux autres permutations sont prévues en juillet. | permutation |
