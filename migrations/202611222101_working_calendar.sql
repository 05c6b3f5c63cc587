-- The working-day calendar: the official days off and make-up working days that a holiday library
-- cannot know (the Ministry of Home Affairs' yearly announcement for civil servants: extra Tết days,
-- the day adjacent to 2/9, compensatory days, swapped weekdays and the Saturdays worked instead).
-- Weekends and the fixed and lunar public holidays come from the date-holidays library in code.
CREATE TABLE calendar_day (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('day_off', 'working_day')),
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  source text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
