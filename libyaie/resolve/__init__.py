"""Resolution, kept apart from matching: TIMEX3 values, places, persons."""
