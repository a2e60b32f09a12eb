Feature: The 1 June 2020 letter checked against resolution 2480 (2019)
  A desk officer runs the checker on the Secretary-General's draft letter before it goes out,
  to learn whether it answers every element the Council asked for in resolution 2480 (2019).

  Background:
    Given the bundled letter of 1 June 2020 in Chinese

  Scenario: The letter answers everything the Council asked for (its defects still block it)
    When the desk officer checks it against mandate "2480"
    Then all eight elements are covered
    And the draft is not ready
    And every covered element shows a quoted passage with its matched words

  Scenario Outline: Each section of the letter is labelled with the elements it answers
    When the desk officer checks it against mandate "2480"
    Then the section headed "<heading>" is labelled with <elements>

    Examples:
      | heading                        | elements                                                   |
      | 马里的安全挑战和稳定团行动     | a.security-challenges, a.operations                        |
      | 部队和警察业绩                 | a.force-performance, a.operations, a.security-challenges   |
      | 部队轮调                       | a.rotations                                                |
      | 安全存在的协调                 | a.security-coordination                                    |
      | 执行综合战略框架和过渡计划     | b.integrated-strategic-framework, b.transition-plan        |
      | 稳定团可能的长期撤出战略       | b.exit-strategy                                            |

  # The step compares the whole label set: this section also gets a.operations, which the desk
  # officer's labels (examples/*.labels.yaml) do not give it. Strict xfail: fixing it fails here.
  @known-gap
  Scenario: The performance-assessment section answers force performance and nothing else
    When the desk officer checks it against mandate "2480"
    Then the section headed "对稳定团部队和警察部分的考绩" is labelled with a.force-performance

  Scenario: The section headed "挑战" speaks of performance, operations or security
    When the desk officer checks it against mandate "2480"
    Then the section headed "挑战" is labelled with at least one of a.force-performance, a.operations, a.security-challenges

  Scenario: The restated request, the closing formula and the signature are evidence of nothing
    When the desk officer checks it against mandate "2480"
    Then the paragraph that restates the request is labelled with nothing
    And the closing formula and the signature are labelled with nothing
    And no evidence quotes the restated request, the title, the closing or the signature

  Scenario: Words are not topics
    When the desk officer checks it against mandate "2480"
    Then "机组人员轮调" is set aside for a.rotations as part of an excluded phrase
    And the withdrawal of national forces is not evidence of b.exit-strategy

  Scenario: Without --mandate the checker uses the resolution the letter cites
    When the desk officer checks it without naming a mandate
    Then the mandate used is "S/RES/2480 (2019)"

  Scenario: The terminal summary and the exit code
    When the desk officer runs "mandate check" on it with "--fail-on never"
    Then the exit code is 0
    And the summary has one line per element
    And an HTML report is written
