Feature: Each pre-submission check, with an example that trips it and one that does not
  Every check is tried in Chinese and in English on a small letter made by code.

  Scenario Outline: A check trips on a defect and stays quiet on clean text
    Given a <language> letter whose body says "<body>"
    When the desk officer checks it against mandate "2480"
    Then <expectation>

    Examples: placeholders
      | language | body                                                                   | expectation                            |
      | Chinese  | 截至5月20日，该股正在调查[618]起案件，其中包括恐怖主义案件。            | there is a placeholder error           |
      | Chinese  | 截至5月20日，该股正在调查618起案件，其中包括恐怖主义案件。              | there is no placeholder finding        |
      | English  | As at 20 May, the unit was investigating XX cases of terrorism.        | there is a placeholder error           |
      | English  | As at 20 May, the unit was investigating 618 cases of terrorism.       | there is no placeholder finding        |

    Examples: page-break debris
      | language | body | expectation |
      | Chinese  | 马里稳定团还通过能力建设、交通运输和后勤支助，协助增援邦贾加拉省、邦卡省和科罗省的马里警察和宪兵部队以及其他安全单位的能力建设<break>设和培训工作。 | there is a page-break error naming "设" |
      | Chinese  | 马里稳定团还通过能力建设、交通运输和后勤支助，协助增援邦贾加拉省、邦卡省和科罗省的马里警察和宪兵部队以及其他安全单位的能力建设和培训工作。 | there is no page-break finding |
      | English  | The Mission also supported the Malian police and gendarmerie in the centre of the country through capacity-building and<break>and transport. | there is a page-break error naming "and" |
      | English  | The Mission also supported the Malian police and gendarmerie in the centre of the country through capacity-building<break>and transport. | there is a page-break warning |
      | English  | The Mission also supported the Malian police and gendarmerie in the centre of the country through capacity-building and transport. | there is no page-break finding |

    Examples: punctuation
      | language | body                                                     | expectation                          |
      | Chinese  | 马里稳定团继续在北部开展巡逻,并支持国家当局。             | there is a punctuation warning       |
      | Chinese  | 马里稳定团继续在北部开展巡逻，并支持国家当局。            | there is no punctuation finding      |
      | English  | The Mission continued to patrol in the north，and supported the authorities. | there is a punctuation warning |
      | English  | The Mission continued to patrol in the north, and supported the authorities. | there is no punctuation finding |

    Examples: citation
      | language | body                                                        | expectation                      |
      | Chinese  | 如我在最近的报告(S/2020/ 476)中所述，稳定团继续运作。        | there is a citation warning      |
      | Chinese  | 如我在最近的报告(S/2020/223)中所述，稳定团继续运作。         | there is no citation finding     |
      | English  | As I noted in my latest report (S/2021/476), the Mission continued to operate. | there is a citation warning |
      | English  | As I noted in my latest report (S/2020/223), the Mission continued to operate. | there is no citation finding |

    Examples: dates
      | language | body                                                   | expectation                   |
      | Chinese  | 6 月 15 日，稳定团在加奥举行了安全协调会议。            | there is a dates warning      |
      | Chinese  | 5 月 15 日，稳定团在加奥举行了安全协调会议。            | there is no dates finding     |
      | English  | On 15 June, the Mission held a security meeting in Gao. | there is a dates warning      |
      | English  | On 15 May, the Mission held a security meeting in Gao.  | there is no dates finding     |
      | English  | On 15 June, the Mission will hold a security meeting in Gao. | there is no dates finding |

    Examples: arithmetic
      | language | body | expectation |
      | Chinese  | 稳定团目前有550辆装甲车：479辆(87%)在日常使用，有30辆(5.5%)正在维修，另有40辆(7.5%)无法使用。 | there is an arithmetic error |
      | Chinese  | 稳定团目前有550辆装甲车：479辆(87%)在日常使用，有30辆(5.5%)正在维修，另有41辆(7.5%)无法使用。 | there is no arithmetic finding |
      | English  | The Mission has 550 armoured vehicles: 479 (78 per cent) in daily use, 30 (5.5 per cent) under repair and 41 (7.5 per cent) out of service. | there is an arithmetic error |
      | English  | The Mission has 550 armoured vehicles: 479 (87 per cent) in daily use, 30 (5.5 per cent) under repair and 41 (7.5 per cent) out of service. | there is no arithmetic finding |

  Scenario Outline: A letter that cites another resolution as its basis
    Given a <language> letter whose request cites resolution <resolution>
    When the desk officer checks it against mandate "2480"
    Then <expectation>

    Examples:
      | language | resolution  | expectation                    |
      | Chinese  | 2423 (2018) | there is a citation error      |
      | Chinese  | 2480 (2019) | there is no citation finding   |
      | English  | 2423 (2018) | there is a citation error      |
      | English  | 2480 (2019) | there is no citation finding   |

  Scenario Outline: The form of a letter to the Council
    Given a <language> letter <variant>
    When the desk officer checks it against mandate "2480"
    Then <expectation>

    Examples:
      | language | variant                        | expectation                  |
      | Chinese  | without its closing formula    | there is a form warning      |
      | Chinese  | with its closing formula       | there is no form finding     |
      | English  | without its closing formula    | there is a form warning      |
      | English  | with its closing formula       | there is no form finding     |

  Scenario Outline: The letter's date against the due date in the rules
    Given a <language> letter dated <date>
    When the desk officer checks it against mandate "2480"
    Then <expectation>

    Examples:
      | language | date       | expectation                    |
      | Chinese  | 2020-06-20 | there is a deadline warning    |
      | Chinese  | 2020-06-01 | there is no deadline finding   |
      | English  | 2020-06-20 | there is a deadline warning    |
      | English  | 2020-05-29 | there is no deadline finding   |

  Scenario Outline: --fail-on decides whether findings fail the check
    Given the bundled letter of 1 June 2020 in Chinese
    When the desk officer runs "mandate check" on it with "--fail-on <level> --no-report"
    Then the exit code is <code>

    Examples:
      | level   | code |
      | error   | 1    |
      | warning | 1    |
      | never   | 0    |
