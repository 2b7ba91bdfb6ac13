"""Rasa custom actions (rasa-sdk): thin adapters from the dialogue to calculator/ and knowledge/.

The action server imports this package (`python -m rasa_sdk --actions actions`); every module
that defines an Action subclass is imported here so the server registers it.
"""

from actions import calculation, forms, general, learning, search, whatif  # noqa: F401
