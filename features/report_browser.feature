@browser
Feature: The HTML report as a desk officer reads it in a browser
  The report is opened in a real headless Chromium (Debian's, driven by Playwright).

  Scenario: The seed's report shows the verdict and every element
    Given the HTML report of the bundled letter
    When the desk officer opens it in the browser
    Then the page says the draft is not ready to submit
    And the elements table has 8 rows, each reading "已涵盖"
    And the browser made no network request
    And a screenshot is saved as "artifacts/seed-report.png"

  Scenario: Hostile text in a letter shows as text
    Given the HTML report of a letter containing "<script>alert(1)</script>" and "<img src=x onerror=alert(1)>"
    When the desk officer opens it in the browser
    Then no dialog fires
    And the page shows "<script>alert(1)</script>" as text
    And the browser made no network request

  Scenario: The report prints to A4
    Given the HTML report of the bundled letter
    When the desk officer prints it to PDF
    Then the PDF has at least 2 A4 pages
