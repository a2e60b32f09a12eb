@browser
Feature: The desk officer's page — drop a draft, read the report, take the annotated copy back
  `mandate serve` runs on the desk officer's own machine; Debian's chromium drives it through
  Playwright, as a person would, with nothing fetched from elsewhere.

  Background:
    Given `mandate serve` is running on a free loopback port

  Scenario: Check the bundled letter from the page
    When the desk officer opens the page in English
    And chooses the bundled letter of 1 June 2020 and submits it
    Then the report says the draft is not ready
    And the "[618]" placeholder is among the blockers
    And the report offers the JSON and the report itself for download
    And the browser fetched nothing outside the server
    And a screenshot is saved as "artifacts/serve-report.png"

  Scenario: A Word draft comes back with Word comments
    When the desk officer opens the page in English
    And chooses the bundled letter saved as a Word file and submits it
    And downloads the annotated copy
    Then the annotated copy has a Word comment about the "[618]" placeholder
    And the annotated copy's text is the draft's text

  Scenario: The page speaks the desk officer's language and can be switched
    When the desk officer opens the page with a browser set to Chinese
    Then the page is in Chinese
    When the desk officer switches the interface to French
    Then the page is in French
    When the desk officer submits an empty file named "vide.txt"
    Then the error page is in French and says "vide.txt is empty."

  Scenario: The page works with JavaScript off
    When the desk officer opens the page in English with JavaScript off
    And chooses the bundled letter of 1 June 2020 and submits it
    Then the report says the draft is not ready

  Scenario: A dropped file is checked
    When the desk officer opens the page in English
    And drops the bundled letter of 1 June 2020 on the form and submits it
    Then the report says the draft is not ready

  Scenario: Bad input gets one sentence on the page
    When the desk officer opens the page in English
    And submits a file named "scan.png"
    Then the error page says "scan.png: .png files are not supported" with status 415

  Scenario: The upload page and an error page pass axe-core
    When the desk officer opens the page in English
    Then axe-core finds no WCAG 2.1 A or AA violation
    When the desk officer submits a file named "scan.png"
    Then axe-core finds no WCAG 2.1 A or AA violation
    When the desk officer opens the page with a browser set to Chinese
    Then axe-core finds no WCAG 2.1 A or AA violation
