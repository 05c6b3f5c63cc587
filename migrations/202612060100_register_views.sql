-- Saved views of the register: a person's named set of filters, sort and columns, kept on the server
-- so it follows the person across devices (decision 040). Each view belongs to one person and one
-- program; nobody else reads it (a view is shared by its URL, not by this table).
CREATE TABLE register_view (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  program_id integer NOT NULL REFERENCES program(id),
  name text NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 80),
  settings jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Serves: a person's views of a program, by name (GET /register/views); one name once per person.
  CONSTRAINT register_view_user_program_name_key UNIQUE (user_id, program_id, name)
);
