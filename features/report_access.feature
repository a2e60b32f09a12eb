@browser
Feature: Every page of the report is accessible
  axe-core (run offline by axe-playwright-python in Debian's Chromium) finds no WCAG 2.1 A or AA
  violation; a keyboard user can skip straight to what blocks submission and sees where focus is.

  Scenario Outline: The reports of the bundled letter
    Given the report of the bundled letter of 1 June 2020 in <lang>
    When axe checks the page
    Then it finds no WCAG 2.1 A or AA violation

    Examples:
      | lang |
      | zh   |
      | en   |
      | fr   |
      | ar   |

  Scenario: The report of a letter with gaps
    Given the report of the bundled letter with the sections headed "部队轮调" and "安全存在的协调" removed
    When axe checks the page
    Then it finds no WCAG 2.1 A or AA violation

  Scenario: The draft comparison page
    Given the comparison page of the bundled letter and a draft without the section headed "部队轮调"
    When axe checks the page
    Then it finds no WCAG 2.1 A or AA violation

  Scenario: The batch index
    Given the batch index of the bundled letter, its corrected copy and a letter with gaps
    When axe checks the page
    Then it finds no WCAG 2.1 A or AA violation

  Scenario: A keyboard user skips to what blocks submission
    Given the report of the bundled letter of 1 June 2020 in en
    When the desk officer presses Tab once
    Then the focused link says "Skip to what blocks submission" and has a visible outline
    And following it lands on the list of what blocks submission
