"""One router per concern: calculate, search, chat, health, page."""
