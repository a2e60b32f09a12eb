Feature: A new mandate is data, not code
  A made-up mandate, one YAML file the code has never seen, is checked by the same code.

  Background:
    Given the made-up mandate "water-schools" from the test fixtures

  Scenario: A letter that answers both elements
    Given its English letter
    When the desk officer checks it against that mandate
    Then the draft is ready
    And the section headed "Water" is labelled with a.water-supply
    And the section headed "Education" is labelled with b.school-enrolment

  Scenario: A letter that answers only one
    Given its English letter without the section headed "Education"
    When the desk officer checks it against that mandate
    Then the draft is not ready
    And b.school-enrolment is missing
    And a.water-supply is covered

  Scenario: The restated request alone covers nothing
    Given its English letter reduced to the restated request and the closing
    When the desk officer checks it against that mandate
    Then every element is missing
