Feature: A hostile user gets one sentence, and nothing is lost or hangs
  Every case below was reproduced against an earlier version. Outputs never clobber a device, a
  FIFO, a symbolic link or an input of the same command; inputs that are not regular files are
  refused without blocking; hostile YAML is refused before it expands; bad option values are one
  sentence. Devices are nodes made in a temporary folder, never the system's.

  Scenario Outline: Refused with one sentence, every input and target untouched
    Given the hostile case "<case>"
    When the desk officer runs that command
    Then the exit code is <exit>
    And the error is one sentence mentioning "<words>"
    And no traceback is printed
    And every input and target is unchanged

    Examples:
      | case                                        | exit | words                  |
      | check -o a character device node            | 2    | character device       |
      | check -o a FIFO                             | 2    | FIFO                   |
      | check -o a symbolic link                    | 2    | symbolic link          |
      | check -o a hard link to the letter          | 2    | input of this command  |
      | check -o a path under the letter            | 2    | is a file, not a folder |
      | check -o the waivers file                   | 2    | input of this command  |
      | check a FIFO as the letter                  | 2    | FIFO                   |
      | check a symbolic link loop                  | 2    | loop of symbolic links |
      | check a directory named letter.txt          | 2    | directory              |
      | check with a FIFO as the rules file         | 2    | FIFO                   |
      | check with a character device as the rules  | 2    | character device       |
      | check with rules built from YAML aliases    | 2    | alias                  |
      | check with waivers built from YAML aliases  | 2    | alias                  |
      | check with a rules file that is a list      | 2    | YAML mapping           |
      | check with --max-size nan                   | 2    | --max-size             |
      | check with --max-size inf                   | 2    | --max-size             |
      | check with --max-size 1e300                 | 2    | --max-size             |
      | check with a bad --format value             | 2    | --format               |
      | check with --waivers nope.yaml              | 2    | does not exist         |
      | check with a waiver for an unknown element  | 2    | element 'a.nowhere'    |
      | check with a waiver for an unknown rule     | 2    | rule 'spelling'        |
      | diff -o the new draft                       | 2    | input of this command  |
      | diff -o the old draft                       | 2    | input of this command  |
      | rules draft -o its own paragraph file       | 2    | input of this command  |
      | batch -o the folder of letters              | 2    | holds the letters      |
      | batch -o a file                             | 2    | not a folder           |
      | annotate -o the draft itself                | 2    | input of this command  |
      | annotate -o a symbolic link                 | 2    | symbolic link          |

  Scenario Outline: Checked, not refused and not crashed
    Given the hostile case "<case>"
    When the desk officer runs that command
    Then the exit code is <exit>
    And no traceback is printed
    And every input and target is unchanged
    And <outcome>

    Examples:
      | case                                         | exit | outcome                                                   |
      | check -o - writes JSON to standard output    | 1    | standard output holds the JSON and no file named - exists |
      | check a UTF-32 letter with a BOM             | 1    | the letter was read as utf-32                             |
      | check a UTF-8 letter with one invalid byte   | 1    | an encoding finding names paragraph 4                     |
      | check a letter carrying ESC and NUL bytes    | 1    | neither the terminal nor the report carries ESC or NUL    |
      | check a number of 5,000 digits               | 1    | the check finished                                        |
      | check a .docx with ilvl 9 and junk numbering | 1    | the check finished                                        |
      | check a .docx paragraph without a final stop | 1    | the two .docx paragraphs stay apart                       |
      | check a .docx whose table precedes text      | 1    | the table row and the paragraph stay apart                |
      | annotate a .docx whose body is one table     | 0    | the table's comments sit on their own cells               |
      | diff after removing only [618]               | 0    | only [618] is reported resolved and nothing added         |
      | batch a folder with a letter named index.html | 1   | the letter named index.html keeps its bytes               |
      | batch a folder with hostile entries          | 2    | the index lists every entry that could not be checked     |
      | batch letters whose names hold # and ?       | 1    | the index links are URL-encoded and lead to the reports   |
