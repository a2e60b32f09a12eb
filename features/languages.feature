Feature: Every UN language is data
  A desk officer checks drafts in whichever official language they were written. What the checker
  knows of a language (how letters open and close, month names, number formats, the words of a
  breakdown) is a profile in rules/languages/, so a letter is never read in the wrong language,
  and a language the checker does not read is refused in one sentence.

  Scenario Outline: The language of a letter is recognised from its script and its words
    Given a short letter in <language>
    When the checker reads it
    Then the letter is read as "<code>"
    And its title, restated request, closing and signature are recognised

    Examples:
      | language | code |
      | Chinese  | zh   |
      | English  | en   |
      | French   | fr   |
      | Spanish  | es   |
      | Russian  | ru   |
      | Arabic   | ar   |

  Scenario Outline: A letter in a language the mandate has no words for is refused, not misread
    Given a short letter in <language>
    When the desk officer runs "mandate check" on it
    Then the exit code is 2
    And the error is one sentence mentioning "S/RES/2480 (2019) has no <language> vocabulary"
    And no traceback is printed

    Examples:
      | language   |
      | German     |
      | Portuguese |
      | Italian    |

  Scenario: A seventh language needs a profile and a vocabulary, not code
    Given the made-up Portuguese profile from the test fixtures
    And a Portuguese letter for the made-up mandate "9002-pt.yaml"
    When the desk officer checks it with "--format json"
    Then the letter is reported as "pt"
    And a.agua, b.escolas are covered
    And the findings include a "placeholder" error on "[número]"
    And the findings include a "arithmetic" error saying "25 + 10 + 8 = 43"
    And an HTML report of it can be written

  Scenario Outline: Defects are found in letters in Spanish, Russian and Arabic
    Given a short letter in <language> with drafting defects
    When the defect checks run on it
    Then the findings include a "placeholder" error on "[XX]"
    And the findings include a "dates" warning on "<late date>"
    And the findings include a "arithmetic" error saying "900 + 200 + 150 = 1250"
    And the findings include a "arithmetic" error saying "<percent>"
    And there is no "form" finding

    Examples:
      | language | late date              | percent                   |
      | Spanish  | 15 de julio de 2020    | 300 of 1200 is 25.0 %, not 40 % |
      | Russian  | 15 июля 2020 года      | 300 of 1200 is 25.0 %, not 40 % |
      | Arabic   | ١٥ تموز/يوليه ٢٠٢٠     | 300 of 1200 is 25.0 %, not 40 % |
