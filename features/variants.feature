Feature: Letters that do not answer everything
  Variants of the seed letter, made by code, show that a verdict comes from the text:
  remove the passage and the element is no longer covered; remove the headings and nothing changes.

  Scenario Outline: A section removed leaves its element not covered
    Given the bundled letter with the section headed "<heading>" removed
    When the desk officer checks it against mandate "2480"
    Then the draft is not ready
    And <elements> are not covered
    And the other elements are covered

    Examples:
      | heading                      | elements                                            |
      | 部队轮调                     | a.rotations                                         |
      | 安全存在的协调               | a.security-coordination                             |
      | 执行综合战略框架和过渡计划   | b.integrated-strategic-framework, b.transition-plan |
      | 稳定团可能的长期撤出战略     | b.exit-strategy                                     |

  Scenario: Only the restated request and the closing
    Given the bundled letter reduced to its title, restated request, closing and signature
    When the desk officer checks it against mandate "2480"
    Then all eight elements are missing
    And the exit code would be 1

  Scenario: Headings removed
    Given the bundled letter with every heading removed
    When the desk officer checks it against mandate "2480"
    Then all eight elements are covered

  Scenario: A heading is not an answer
    Given the bundled letter whose rotations section only promises the information later
    When the desk officer checks it against mandate "2480"
    Then a.rotations is not covered

  Scenario: An answer needs no heading
    Given the bundled letter with its rotations paragraph moved under the coordination heading
    When the desk officer checks it against mandate "2480"
    Then a.rotations is covered
