Feature: Resolution 2480 in Spanish, Russian and Arabic, and two language versions of one letter
  The 2480 rules carry Spanish, Russian and Arabic vocabularies (unofficial renderings of the
  request); word forms do not matter. Two versions of one letter in different languages are
  compared by what survives translation: section order, figures, dates, symbols and placeholders.

  Scenario Outline: A rendering of the seed in <language> gets all eight elements covered
    Given the 1 June 2020 letter as rendered in <language> by the blind writer
    When the desk officer checks it against mandate "2480"
    Then the letter's language is detected as "<code>"
    And all eight elements are covered
    And the paragraph that restates the request is labelled with nothing

    Examples:
      | language | code |
      | Spanish  | es   |
      | Russian  | ru   |
      | Arabic   | ar   |

  Scenario Outline: Taking a section out of the <language> rendering loses what only it answered
    Given the 1 June 2020 letter as rendered in <language> by the blind writer
    When each section that alone answers an element is removed in turn and checked
    Then every time, the elements only that section answered are no longer covered
    And every time, the other elements stay covered

    Examples:
      | language |
      | Spanish  |
      | Russian  |
      | Arabic   |

  Scenario Outline: The seed and its <language> rendering carry the same figures
    Given the bundled Chinese letter and its <language> rendering
    When the desk officer compares the two versions
    Then no figure differs between the aligned paragraphs
    And no document symbol differs between the aligned paragraphs

    Examples:
      | language |
      | English  |
      | French   |
      | Spanish  |
      | Russian  |
      | Arabic   |

  Scenario: A figure altered in a copy of a rendering is reported with both values
    Given the bundled Chinese letter and a copy of its English rendering where "479 (87 per cent)" reads "497 (87 per cent)"
    When the desk officer compares the two versions
    Then one figure differs: "479" in the Chinese letter and "497" in the copy
    And the difference names the paragraph of each version that holds the figure

  Scenario: Figures written in Arabic-Indic digits are the same figures
    Given the bundled Chinese letter and its Arabic rendering with every digit written in Arabic-Indic digits
    When the desk officer compares the two versions
    Then no figure differs between the aligned paragraphs

  Scenario: A changed document symbol and a dropped section are reported
    Given the bundled Chinese letter and a copy of its French rendering where "S/2020/476" reads "S/2020/467"
    When the desk officer compares the two versions
    Then one document symbol differs: "S/2020/476" in the Chinese letter and "S/2020/467" in the copy
    And the section headed "挑战" is reported as present only in the Chinese letter

  Scenario: The command line and the diff page show the comparison
    Given the bundled Chinese letter and a copy of its English rendering where "479 (87 per cent)" reads "497 (87 per cent)"
    When the desk officer runs "mandate diff" on the two versions
    Then the output has a line naming "479", "497" and both paragraph numbers
    And the diff page lists the figure "497" in its language-versions block

  Scenario Outline: A letter under resolution 2531 in <language> is judged as its labels say
    Given the 2531 development letter "<letter>"
    When the desk officer checks it against mandate "2531"
    Then the letter's language is detected as "<code>"
    And every element has the verdict its labels give
    And the paragraph that restates the request is labelled with nothing

    Examples:
      | language | letter                      | code |
      | Spanish  | 2531-2020-12-headed.es      | es   |
      | Russian  | 2531-2021-06-unheaded.ru    | ru   |
      | Arabic   | 2531-2021-06-headed-gaps.ar | ar   |

  Scenario Outline: Taking a section out of a 2531 letter in <language> loses only what it alone answered
    Given the 2531 development letter "<letter>"
    When each section that alone answers an element is removed in turn and checked against mandate "2531"
    Then every time, the elements only that section answered are no longer covered
    And every time, the other covered elements stay covered and no other becomes covered

    Examples:
      | language | letter                      |
      | Spanish  | 2531-2020-12-headed.es      |
      | Arabic   | 2531-2021-06-headed-gaps.ar |

  Scenario Outline: A paragraph of trap words in <language> does not answer <element>
    Given a 2531 letter in <language> whose only body paragraph is "<paragraph>"
    When the desk officer checks it against mandate "2531"
    Then <element> is missing

    Examples:
      | language | element                          | paragraph |
      | Spanish  | b.rotations                      | Las restricciones a la rotación de las tripulaciones de los helicópteros redujeron las horas de vuelo disponibles para las evacuaciones. |
      | Spanish  | c.transition-plan                | Las autoridades de transición aprobaron la carta de la transición; el período de transición durará dieciocho meses, según el Consejo Nacional de Transición. |
      | Spanish  | c.integrated-strategic-framework | A partir de 2022, el equipo en el país asumirá las tareas de estabilización que le traspase la Misión en Tombuctú y en Gao. |
      | Russian  | b.rotations                      | Ротация экипажей вертолетов и ротация летного состава зафрахтованных самолетов проходили по графику. |
      | Russian  | c.exit-strategy                  | Вывод французских сил из Кидаля и Тессалита должен завершиться к концу года, а переходный период продлится до февраля. |
      | Russian  | b.caveats                        | Вопрос о незаявленных оговорках изучается; его результаты будут представлены Совету в моем следующем письме. |
      | Arabic   | b.performance                    | ظل الأداء الاقتصادي للبلد ضعيفا بسبب تراجع المحاصيل وارتفاع الأسعار. |
      | Arabic   | c.exit-strategy                  | أعلن انسحاب القوات الفرنسية من كيدال وتيساليت، ومن المقرر أن يكتمل قبل نهاية العام. |
      | Arabic   | b.rotations                      | جرى تناوب أطقم الطائرات المستأجرة دون تأخير طوال الفترة. |
      | Spanish  | a.instance-coordination          | Informaré al Consejo sobre los debates de la Instancia de Coordinación en Malí en una comunicación posterior. |
      | Spanish  | c.transition-plan                | Considero preferible presentar el plan de transición actualizado una vez concluidas las consultas con el nuevo Gobierno. |
      | Russian  | b.performance                    | Итоги оценки эффективности работы подразделений пока не подготовлены и будут доведены до сведения Совета по мере поступления. |
      | Arabic   | b.performance                    | وسأبلغ المجلس بنتائج تقييم أداء الوحدات العسكرية حالما تكتمل. |
      | Arabic   | c.exit-strategy                  | أما استراتيجية خروج البعثة فسأعرضها في رسالة لاحقة. |

  Scenario Outline: A paragraph in <language> answers <element> when it says what it is about
    Given a 2531 letter in <language> whose only body paragraph is "<paragraph>"
    When the desk officer checks it against mandate "2531"
    Then <element> is covered

    Examples:
      | language | element         | paragraph |
      | Russian  | c.exit-strategy | Стратегия ухода Миссии будет строиться на десяти критериях, среди которых восстановление администрации на севере и снижение насилия в центре; пока выполнены три из них, поэтому говорить о сроках вывода Миссии преждевременно. |
      | Spanish  | c.exit-strategy | Sería prematuro fijar una fecha para la retirada de la Misión, ya que solo se han cumplido dos de los diez criterios de referencia acordados con el Gobierno. |
      | Arabic   | c.exit-strategy | لا يزال من السابق لأوانه تحديد موعد لانسحاب البعثة؛ وسيتوقف أي تقليص على تحقيق النقاط المرجعية للاتفاق وتحسن الظروف الأمنية. |
      | Russian  | b.caveats       | В отчетный период незаявленных оговорок выявлено не было, что подтвердили проверки штаба Сил во всех секторах. |
      | Arabic   | b.caveats       | لا تزال بعض الوحدات تطبق قيودا وطنية لم تبلغ بها البعثة، مما حال دون تسيير الدوريات الليلية في كيدال؛ وقد أثيرت المسألة مع البلدان المساهمة بقوات. |
