"""FastAPI web app: the chat page, the JSON API and the chat proxy to Rasa."""
