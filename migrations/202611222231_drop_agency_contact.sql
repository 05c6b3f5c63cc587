-- Reminders go to the people holding the focal officer's and head's roles in the agency (identity's
-- role_assignment), so the stand-in list of contacts kept before sign-in existed is no longer read.
DROP TABLE agency_contact;
