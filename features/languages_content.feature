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
