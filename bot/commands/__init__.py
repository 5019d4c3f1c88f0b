"""`/phi`: parse the text into a typed command (`parse`), then act on it (`phi`)."""
