"""Every feature file in this folder, run as pytest tests."""

from pytest_bdd import scenarios

scenarios(
    "check_seed.feature",
    "variants.feature",
    "bad_input.feature",
    "second_mandate.feature",
    "report_browser.feature",
    "seed_defects.feature",
    "defects.feature",
    "rules_authoring.feature",
    "letters_en_fr.feature",
    "formats.feature",
    "report_outputs.feature",
)
