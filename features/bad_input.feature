Feature: Input the checker cannot use
  Bad input gets one clear sentence and exit code 2: never a traceback, never a false "covered",
  and the input file is never modified.

  Scenario Outline: A letter that cannot be used
    Given <input>
    When the desk officer runs "mandate check" on it
    Then the exit code is 2
    And the error is one sentence mentioning "<words>"
    And no traceback is printed
    And the input file is unchanged

    Examples:
      | input                                   | words              |
      | a path that does not exist              | does not exist     |
      | a directory                             | directory          |
      | an empty file                           | empty              |
      | a file of only white space              | white space        |
      | binary junk named letter.txt            | not a text file    |
      | a file larger than the size limit       | limit              |
      | a letter citing a resolution with no rules | no rules file   |

  Scenario: A broken rules file names the file and the field
    Given the bundled letter of 1 June 2020 in Chinese
    And a rules file whose second element has a weight of "heavy"
    When the desk officer runs "mandate check" on it with that rules file
    Then the exit code is 2
    And the error is one sentence mentioning "elements.1.cues.zh.0.weight"
    And no traceback is printed

  Scenario: The report is never written over the letter
    Given the bundled letter of 1 June 2020 in Chinese
    When the desk officer runs "mandate check" on it with the output set to the letter itself
    Then the exit code is 2
    And the input file is unchanged

  Scenario Outline: A container the checker cannot open
    Given <input>
    When the desk officer runs "mandate check" on it
    Then the exit code is 2
    And the error is one sentence mentioning "<words>"
    And no traceback is printed
    And the input file is unchanged

    Examples:
      | input                                    | words                 |
      | a .pdf that is not a PDF                 | not a PDF             |
      | a truncated PDF                          | truncated             |
      | an encrypted PDF                         | encrypted             |
      | a truncated .docx                        | not a valid .docx     |
      | an encrypted .docx                       | password-protected    |
      | a .docx zip bomb                         | zip bomb              |
      | a .docx whose document part is missing   | not a Word document   |
