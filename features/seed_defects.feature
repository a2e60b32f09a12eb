Feature: What a desk officer must fix in the 1 June 2020 letter before it goes out
  Coverage is half the job; the other half is the defects a draft still carries.

  Scenario: The seed's defects are listed and located
    Given the bundled letter of 1 June 2020 in Chinese
    When the desk officer checks it against mandate "2480"
    Then the placeholder findings are "[618]", "[319]", "[77]", "[13]"
    And there are 3 page-break findings, one naming the doubled "设"
    And the half-width punctuation of paragraphs 2, 3, 4 and 5 is flagged
    And there is no arithmetic error
    And the two different "remaining" groups are noted

  Scenario: A corrected copy of the seed has none of them
    Given a corrected copy of the bundled letter
    When the desk officer checks it against mandate "2480"
    Then there is no placeholder finding
    And there is no page-break finding
    And there is no punctuation finding
    And there is no arithmetic error
    And all eight elements are covered

  Scenario: A waived finding and a waived element stay visible, with their reasons
    Given the bundled letter with the section headed "部队轮调" removed
    And a waivers file next to it waiving "placeholder" findings and the element a.rotations
    When the desk officer checks it against mandate "2480"
    Then a.rotations is missing but waived with its reason
    And every placeholder finding is waived with its reason
    And the draft is not ready
    And only "page-break" findings block submission
