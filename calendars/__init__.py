"""Meeting calendars from outside: fetching and reading iCalendar feeds (issue 19). I/O, no database."""
