-- People, roles and sessions (issue 3). Minimal personal data (Decree 13/2023/NĐ-CP): name, work email,
-- unit, title. Passwords are argon2id hashes; tokens (session, reset) are stored only as SHA-256 hashes.
CREATE TABLE app_user (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  name text NOT NULL CHECK (length(trim(name)) > 0),
  email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
  title text,
  org_unit_id integer NOT NULL REFERENCES org_unit(id),
  -- NULL: the person signs in only through single sign-on (or has not set a password yet).
  password_hash text,
  disabled boolean NOT NULL DEFAULT false,
  -- Demo accounts exist only in demo mode and are removed when it is off.
  is_demo boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- Serves: sign-in and duplicate checks by email; the CHECK keeps emails lower-case, so this is case-insensitive.
CREATE UNIQUE INDEX app_user_email_key ON app_user (email);
--> statement-breakpoint
-- Serves: the people list's accent-insensitive search (name, email, title).
CREATE INDEX app_user_search_idx ON app_user USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
-- Serves: people of one unit (admin list filter).
CREATE INDEX app_user_org_unit_idx ON app_user (org_unit_id);
--> statement-breakpoint
CREATE TABLE role_assignment (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('system_admin','coordinator','focal_officer','agency_head',
    'steering_viewer','auditor')),
  org_unit_id integer NOT NULL REFERENCES org_unit(id),
  include_sub_units boolean NOT NULL DEFAULT false,
  granted_by integer REFERENCES app_user(id) ON DELETE SET NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT role_assignment_unique UNIQUE (user_id, role, org_unit_id)
);
--> statement-breakpoint
-- Serves: who holds roles in a unit (people of an agency; scope checks when a unit is merged).
CREATE INDEX role_assignment_org_unit_idx ON role_assignment (org_unit_id);
--> statement-breakpoint
CREATE TABLE session (
  -- SHA-256 of the random 256-bit token in the cookie: a stolen table cannot be replayed.
  id_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  method text NOT NULL CHECK (method IN ('password','oidc')),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  revoked_at timestamptz
);
--> statement-breakpoint
-- Serves: sign-out everywhere and revocation on password change or disabling (a user's live sessions).
CREATE INDEX session_user_idx ON session (user_id) WHERE revoked_at IS NULL;
--> statement-breakpoint
CREATE TABLE password_reset (
  token_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
--> statement-breakpoint
-- Serves: invalidating a user's outstanding links when one is used or the password changes.
CREATE INDEX password_reset_user_idx ON password_reset (user_id) WHERE used_at IS NULL;
--> statement-breakpoint
-- Failed sign-ins per client address, shared by every server process (per-account counts live on app_user).
CREATE TABLE login_throttle (
  ip text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);
--> statement-breakpoint
-- OpenID Connect sign-ins under way: state → PKCE verifier and nonce, so any process can finish the flow.
CREATE TABLE oidc_login (
  state_hash text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
--> statement-breakpoint
-- Development mail outbox: with no SMTP configured, messages land here for administrators to read.
CREATE TABLE dev_mail (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  created_at timestamptz NOT NULL DEFAULT now(),
  to_address text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL
);
