Feature: A mandate team adds and trusts a mandate without a programmer
  Rules are data: a YAML file, validated, checked for terms that would never fire, tested with
  example passages, and drafted from the resolution's own paragraph.

  Scenario: A made-up mandate, one YAML file, checks a letter from the command line
    Given the made-up mandate "water-schools" from the test fixtures
    And its English letter
    When the desk officer runs "mandate check" on it with the made-up mandate's rules file
    Then the exit code is 0

  Scenario: The bundled rules pass their own checks and examples
    When the mandate team runs "mandate rules check"
    Then the exit code is 0
    When the mandate team runs "mandate rules test"
    Then the exit code is 0
    And the output ends with "0 failed"

  Scenario: A planted cue term that can never count is caught
    Given a copy of the 2480 rules with "Security Council" added to the English cues of a.rotations
    When the mandate team runs "mandate rules check" on that copy
    Then the exit code is 1
    And the output says "“Security Council” never counts"

  Scenario: An example passage that the rules do not recognise fails the rule test
    Given a copy of the 2480 rules with a rotations example that speaks only of elections
    When the mandate team runs "mandate rules test" on that copy
    Then the exit code is 1
    And the output ends with "1 failed"

  Scenario Outline: A rules file drafted from a reporting paragraph
    Given the <language> reporting paragraph of resolution <number>
    When the mandate team runs "mandate rules draft" on it
    Then the drafted file passes "mandate rules check"
    And it has sub-items <items>
    And its elements are <elements>

    Examples:
      | language | number | items   | elements                                                                                                                         |
      | en       | 9101   | a, b, c | a.humanitarian-situation-camps, a.access-water-food, b.demobilization-combatants, b.reintegration-former-fighters, c.electoral-calendar |
      | fr       | 9102   | a, b, c | a.situation-humanitaire-camps, a.acces-eau, b.progres-desarmement-combattants, b.reintegration-anciens-combattants, c.calendrier-electoral |
      | zh       | 9103   | a, b, c | a.e1, a.e2, b.e1, b.e2, c.e1                                                                                                      |
