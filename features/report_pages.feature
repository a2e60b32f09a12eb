Feature: Word comments, the draft comparison and the batch index speak like the report
  What travels up the clearance chain carries the same readiness, the same element titles and the
  same words as the report, in the reader's language.

  Scenario: Word comments sit on the very words they flag, in the letter's language first
    Given the bundled letter as a Word file with the section headed "部队轮调" removed
    When the desk officer annotates it
    Then python-docx reads back one comment per finding and one per element not covered
    And each finding's comment covers at most the flagged text and 10 more characters
    And the placeholders "[618]", "[319]", "[77]" and "[13]" each carry their own comment
    And every comment reads in Chinese first with English beneath, citing paragraphs, never lines
    And the one comment for a.rotations sits at the end of the body and says what to add
    And every paragraph of the copy reads as in the draft
    And the draft itself is unchanged

  Scenario: A missing element's comment sits on its heading when the draft has one
    Given the bundled letter as a Word file whose rotations section only promises the information later
    When the desk officer annotates it
    Then the one comment for a.rotations sits on the heading "部队轮调"

  Scenario: The batch index lists the letters that are not ready first
    Given a folder with a corrected copy of the bundled letter, the bundled letter and a letter without the section headed "部队轮调"
    When the desk officer checks the folder in one batch
    Then the index lists "b-seed.txt", "c-gap.txt" as not ready, then "a-corrected.txt" as ready
    And the row of "c-gap.txt" names the missing element "部队轮调方面的信息"
    And each row shows the letter's date "2020年6月1日" and its language "中文"
    And the exit code is 1

  Scenario: The draft comparison reads in the letter's language with element titles
    Given the bundled letter and a new draft without the section headed "部队轮调" and with "3 120" changed to "3 200"
    When the desk officer compares the two drafts
    Then the comparison page is in Chinese and names "部队轮调方面的信息", now "缺失"
    And it shows both drafts' readiness: "全部 8 项内容均已涵盖" before, "8 项内容中有 1 项未涵盖" now
