Feature: Letters in English and French are judged like the Chinese one
  The 2480 rules carry English and French vocabularies; nothing in the code is per language.

  Scenario Outline: A rendering of the seed gets the seed's verdicts
    Given the <language> rendering of the 1 June 2020 letter
    When the desk officer checks it against mandate "2480"
    Then the letter's language is detected as "<code>"
    And all eight elements are covered
    And the paragraph that restates the request is labelled with nothing
    And the closing formula and the signature are labelled with nothing

    Examples:
      | language | code |
      | English  | en   |
      | French   | fr   |

  Scenario Outline: A section removed from a rendering leaves its element not covered
    Given the <language> rendering with the section headed "<heading>" removed
    When the desk officer checks it against mandate "2480"
    Then <elements> are not covered
    And the other elements are covered

    Examples:
      | language | heading                                                          | elements                                            |
      | English  | Rotation of troops                                               | a.rotations                                         |
      | English  | Coordination of security presences                               | a.security-coordination                             |
      | English  | Implementation of the integrated strategic framework and the transition plan | b.integrated-strategic-framework, b.transition-plan |
      | English  | A possible long-term exit strategy for the Mission               | b.exit-strategy                                     |
      | French   | Relève des contingents                                           | a.rotations                                         |
      | French   | Mise en œuvre du cadre stratégique intégré et du plan de transition | b.integrated-strategic-framework, b.transition-plan |
      | French   | Éventuelle stratégie de sortie à long terme de la Mission        | b.exit-strategy                                     |

  Scenario Outline: Another drafter, other words, no headings
    Given the letter "<letter>" from the corpus
    When the desk officer checks it against mandate "2480"
    Then all eight elements are covered

    Examples:
      | letter                               |
      | 2480-2019-12-other-drafter.zh.txt    |
      | 2480-2019-12-other-drafter.en.txt    |

  Scenario: An English letter that defers, misuses words and skips elements
    Given the letter "2480-partial-answer.en.txt" from the corpus
    When the desk officer checks it against mandate "2480"
    Then a.security-challenges is covered
    And a.operations is covered
    And b.integrated-strategic-framework is covered
    And a.rotations is missing
    And a.force-performance is missing
    And a.security-coordination is missing
    And b.transition-plan is missing
    And b.exit-strategy is missing
