@browser
Feature: The report tells the truth first: ready means nothing blocks submission
  The desk officer reads the first screen of the report and decides whether the letter goes out.
  "Ready" means every element is covered and no error is left; what blocks submission comes first,
  in the reader's language.

  Scenario Outline: The bundled letter answers everything but its errors block it
    Given the bundled letter of 1 June 2020 reported in <lang>
    Then the report says "not ready" with coverage complete and 5 blockers
    And the first blocking item reads "<first>"
    And the verdict line reads "<verdict>"

    Examples:
      | lang | first                                   | verdict                                                      |
      | zh   | 第 5 段有 1 处文字在分页处重复：设       | 全部 8 项内容均已涵盖；5 个错误阻碍提交                       |
      | en   | Text doubled across a page break in paragraph 5: 设 | all 8 elements covered; 5 errors block submission |
      | fr   | Texte répété à un saut de page au paragraphe 5 : 设 | les 8 éléments sont traités ; 5 erreurs empêchent la soumission |

  Scenario Outline: The four placeholders of one paragraph are one blocking item
    Given the bundled letter of 1 June 2020 reported in <lang>
    Then a blocking item reads "<placeholders>"

    Examples:
      | lang | placeholders                                    |
      | zh   | 第 7 段有 4 处占位内容：[618] [319] [77] [13]    |
      | en   | 4 placeholders in paragraph 7: [618] [319] [77] [13] |
      | fr   | 4 marqueurs provisoires au paragraphe 7 : [618] [319] [77] [13] |

  Scenario Outline: A corrected letter is ready
    Given <letter> reported in <lang>
    Then the report says "ready" with coverage complete and 0 blockers

    Examples:
      | letter                                        | lang |
      | a corrected copy of the bundled letter        | zh   |
      | the English rendering of the 1 June 2020 letter | en   |
      | a corrected copy of the bundled letter        | fr   |

  Scenario Outline: A letter with a gap and no error is not ready because of the gap
    Given <letter> with the section headed "<heading>" removed, reported in <lang>
    Then the report says "not ready" with coverage incomplete and 1 blocker
    And the gap is "<title>", missing, with the reason starting "<reason>"

    Examples:
      | letter                                          | heading                  | lang | title                                         | reason                                   |
      | a corrected copy of the bundled letter          | 部队轮调                 | zh   | 部队轮调方面的信息                             | 信中没有任何段落回应此项。                 |
      | the English rendering of the 1 June 2020 letter | Rotation of troops       | en   | Information on rotations of uniformed personnel | Nothing in the letter answers it.        |
      | a corrected copy of the bundled letter          | 部队轮调                 | fr   | Informations sur les relèves des forces        | Aucun passage de la lettre n'y répond.    |

  Scenario: A section that only promises the information says so, and where
    Given a corrected copy of the bundled letter whose rotations section only promises the information later, reported in en
    Then the gap is "Information on rotations of uniformed personnel", missing, with the reason starting "Only promised for a later letter — paragraph 21 (“部队轮调”)."

  Scenario Outline: The first screen holds the verdict and the first blocking item
    Given the bundled letter of 1 June 2020 reported in <lang>
    When the desk officer opens it at <width> × <height>
    Then the first blocking item is in the first viewport
    And the page is no wider than the screen
    And the body text uses the report's font stack

    Examples:
      | lang | width | height |
      | zh   | 1280  | 800    |
      | zh   | 390   | 844    |
      | en   | 1280  | 800    |
      | en   | 390   | 844    |
      | fr   | 390   | 844    |

  Scenario Outline: No English sentence in a Chinese or French report
    Given the bundled letter of 1 June 2020 with the section headed "部队轮调" removed, reported in <lang>
    When the desk officer opens it at 1280 × 800
    Then no English reason or message appears on the page

    Examples:
      | lang |
      | zh   |
      | fr   |

  Scenario: The Arabic report reads right to left
    Given the bundled letter of 1 June 2020 reported in ar
    When the desk officer opens it at 1280 × 800
    Then the page is laid out right to left with Arabic interface words
    And the letter's own text keeps its language and direction
    And a screenshot of the first screen is saved as "seed-ar-desktop.png"

  Scenario Outline: Screenshots of the first screen for the closing note
    Given the bundled letter of 1 June 2020 reported in <lang>
    When the desk officer opens it at <width> × <height>
    Then a screenshot of the first screen is saved as "<name>"

    Examples:
      | lang | width | height | name                  |
      | zh   | 1280  | 800    | seed-zh-desktop.png   |
      | en   | 390   | 844    | seed-en-phone.png     |
      | ru   | 390   | 844    | seed-ru-phone.png     |
      | es   | 1280  | 800    | seed-es-desktop.png   |

  Scenario: The first printed page holds the verdict, the blockers and the element table
    Given the bundled letter of 1 June 2020 reported in en
    When the desk officer prints it to PDF
    Then the first A4 page holds the verdict, every blocking item and every element's title
