"""Onboarding: the glossary (begrepp), the introduction path and practice cases (övningsfall).

Pure: reads its own data files (onboarding/data/) and the calculator's parameters; no Rasa, no
HTTP. Citations are resolved through the knowledge package's public search
(`onboarding.glossary.resolve_source`).

    onboarding.glossary   load_glossary(), Glossary.lookup(question), definition_phrase()
    onboarding.path       load_path(), navigate(), Step.check(answer)
    onboarding.exercises  generate(level, seed, today), check_answer(exercise, answer)
    onboarding.amounts    amount_line(key, today): current amounts from calculator/parameters
"""
