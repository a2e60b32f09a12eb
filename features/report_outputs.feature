Feature: What the desk officer takes away: Word comments, a draft diff, a batch index, a terminal line
  The report travels up the clearance chain; each output is checked as the person receiving it would.

  Scenario: A new draft against the old one
    Given the bundled letter and a new draft without the section headed "部队轮调" and with "3 120" changed to "3 200"
    When the desk officer compares the two drafts
    Then the changes are exactly:
      """
      element a.rotations: covered → missing
      section removed: 部队轮调
      figure changed, paragraph 24 (was 25): 3 120 → 3 200
      """
    And the HTML comparison shows the same changes

  Scenario: A folder of letters
    Given a folder with the bundled letter, a letter that only mentions things in passing and a file of binary junk
    When the desk officer checks the folder in one batch
    Then the index lists 3 letters, 0 ready, and 1 that could not be checked
    And each checked letter has its own report linked from the index
    And the exit code is 2

  Scenario: One terminal line per finding
    Given the bundled letter of 1 June 2020 in Chinese
    When the desk officer runs "mandate check" on it with "--no-report --fail-on never"
    Then every finding is a line "PATH:PARAGRAPH: LEVEL RULE MESSAGE"
