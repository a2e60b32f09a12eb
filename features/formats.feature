Feature: The same verdict whatever the container
  Drafts live in Word, finished letters circulate as PDF, some arrive as HTML or Markdown, plain
  text comes in many encodings. Each is made here by a real library from the bundled letter.

  Scenario Outline: The bundled letter in another container
    Given the bundled letter saved as <container>
    When the desk officer checks it against mandate "2480"
    Then the sections and their headings are those of the plain-text letter
    And the verdicts and section labels are those of the plain-text letter
    And the page-break findings are those of the plain-text letter

    Examples:
      | container                                                   |
      | a Word file with Heading styles                             |
      | a UN-style PDF with running lines and paragraphs split across pages |
      | an HTML page                                                |
      | a Markdown file                                             |
      | GB18030 text                                                |
      | UTF-16 text                                                 |
      | UTF-8 text with a byte-order mark and CRLF line endings     |

  Scenario: A PDF's running lines are not body text
    Given the bundled letter saved as a UN-style PDF with running lines and paragraphs split across pages
    When the desk officer checks it against mandate "2480"
    Then no paragraph contains "20-07002", "*2007002*", "Distr.: General" or a page number like "2/5"

  Scenario: Word's own numbering, tables, tracked changes and comments
    Given a Word draft with numbered paragraphs, a table, a tracked insertion and deletion, a comment and a footer
    When the desk officer checks it against mandate "2480"
    Then the numbered paragraphs keep their labels "1.", "2." and "3."
    And the table's rows are read as text
    And the inserted words are read and the deleted words are not
    And the comment and the footer are not body text
