Feature: Any reporting request in minutes, and drafted rules that never claim coverage they cannot see
  A desk officer's mission gets a new resolution every year. The next one after 2480 is 2531 (2020);
  its rules ship with the tool. Rules drafted from a request's own paragraph start unreviewed: they
  take cue words only from what is specific in the request, and say so until someone reviews them.

  # The paragraph credits "progress in the implementation of the adaptation plan" for the Mission's
  # tempo: the adaptation plan is part of item (a)'s operations and is touched in passing there,
  # so partial is its honest verdict; it must never be covered from that clause.
  Scenario Outline: The opening of a letter under 2531 is checked against 2531 without naming it
    Given the opening of the December 2020 letter under resolution 2531 (<source>)
    When the desk officer checks it without naming a mandate
    Then the letter was checked against S/RES/2531 (2020)
    And no element is covered or partial except a.operations, a.security-challenges, a.adaptation-plan
    And a.adaptation-plan is at most partial

    Examples:
      | source                               |
      | our paraphrase                       |
      | the real text, when shared/ has it   |

  Scenario: Every shipped mandate is listed with what a desk officer needs to know
    When the mandate team runs "mandate rules list"
    Then the exit code is 0
    And the output lists 2480 as S/RES/2480 (2019), a letter in zh,en,fr, due 2019-12-31, 2020-06-01, reviewed
    And the output lists 2531 as S/RES/2531 (2020), a letter in zh,en,fr, due 2020-12-31, 2021-06-30, reviewed

  Scenario Outline: Rules drafted from the 2531 opening hold the request, not the letter, and cover nothing they cannot see
    Given the opening of the December 2020 letter under resolution 2531 (<source>)
    When the mandate team runs "mandate rules draft" on that opening
    Then the drafted file says reviewed: false
    And its request no longer holds "I have the honour to refer"
    And its request no longer holds "by which the Council requested me"
    And no cue term of the drafted file is "mission", "include", "impact" or "personnel" alone
    When the desk officer checks the opening against the drafted rules
    Then no drafted element about caveats, rotations, performance, framework, transition, exit or instance is covered
    And the report says the rules have not been reviewed

    Examples:
      | source                               |
      | our paraphrase                       |
      | the real text, when shared/ has it   |

  Scenario: Rules drafted from the 2480 request never cover a section that is not there
    Given rules drafted from our paraphrase of the 2480 request
    When the bundled English letter is checked against them with each section removed in turn
    Then no element whose only section was removed comes out covered

  Scenario Outline: A cue term that is an everyday word is flagged, an error when the element has nothing else
    Given a rules file whose element a.generic relies on "<term>" alone
    When the mandate team runs "mandate rules check" on that copy
    Then the exit code is 1
    And the output says "“<term>” is generic"
    And the output says "a.generic"

    Examples:
      | term    |
      | mission |
      | include |

  Scenario: A generic cue beside a specific one is a warning only
    Given a rules file whose element a.generic has "rotations" and also "mission" alone
    When the mandate team runs "mandate rules check" on that copy
    Then the exit code is 0
    And the output says "“mission” counts alone for a.generic but is generic"

  Scenario: Unreviewed rules never let everyday words cover an element
    Given a letter whose only paragraph on security says "security" again and again
    And unreviewed rules whose element a.security counts the word "security" alone
    When the desk officer checks it against those rules
    Then a.security is partial because only general words speak of it
    When the same rules are marked reviewed
    And the desk officer checks it against those rules
    Then a.security is covered

  Scenario: An unlettered request of another mission drafts into its options, with the process apart
    Given the English reporting paragraph of resolution 2692 (2023) on Haiti
    When the mandate team runs "mandate rules draft" on it with --number 2692 --year 2023
    Then the drafted file says reviewed: false
    And its request no longer holds "Requests the Secretary-General"
    And its process conditions hold "in consultation with Haiti"
    And its elements include a.peacekeeping-operation, a.training-haitian-national, a.combat-illicit-trafficking
    And the drafted file passes "mandate rules check"
