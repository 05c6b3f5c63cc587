-- Organisation hierarchy and lineage: a materialised ltree path kept by triggers in the writer's
-- transaction, and merge/split/rename events linking closed units to the units that carry them on.
ALTER TABLE org_unit ADD COLUMN path ltree;
--> statement-breakpoint
-- Labels are ids, not codes: ids never change, and ltree labels on PostgreSQL 15 allow only [A-Za-z0-9_].
WITH RECURSIVE tree AS (
  SELECT id, text2ltree(id::text) AS path FROM org_unit WHERE parent_id IS NULL
  UNION ALL
  SELECT o.id, tree.path || text2ltree(o.id::text) FROM org_unit o JOIN tree ON o.parent_id = tree.id
)
UPDATE org_unit o SET path = tree.path FROM tree WHERE tree.id = o.id;
--> statement-breakpoint
-- Sets a unit's path from its parent's and refuses a move under the unit's own subtree. The service
-- checks this first and answers 4xx; the trigger keeps every other writer (loader, SQL) honest too.
CREATE OR REPLACE FUNCTION org_unit_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_path ltree;
BEGIN
  IF NEW.parent_id IS NULL THEN
    NEW.path := text2ltree(NEW.id::text);
    RETURN NEW;
  END IF;
  SELECT path INTO parent_path FROM org_unit WHERE id = NEW.parent_id;
  IF parent_path IS NULL THEN
    RAISE EXCEPTION 'org_unit %: parent % does not exist', NEW.id, NEW.parent_id;
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.path IS NOT NULL AND OLD.path @> parent_path THEN
    RAISE EXCEPTION 'org_unit %: cannot move a unit under itself or its own sub-unit', NEW.id
      USING ERRCODE = 'check_violation';
  END IF;
  NEW.path := parent_path || text2ltree(NEW.id::text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_unit_path_set BEFORE INSERT OR UPDATE OF parent_id ON org_unit
  FOR EACH ROW EXECUTE FUNCTION org_unit_set_path();
--> statement-breakpoint
-- A moved unit takes its whole subtree along, in the same statement's transaction.
CREATE OR REPLACE FUNCTION org_unit_move_subtree() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE org_unit SET path = NEW.path || subpath(path, nlevel(OLD.path))
   WHERE path <@ OLD.path AND id <> NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_unit_path_move AFTER UPDATE OF parent_id ON org_unit
  -- Compared as text: pg_restore runs with an empty search_path, where ltree's own = operator is not found.
  FOR EACH ROW WHEN (OLD.path::text IS DISTINCT FROM NEW.path::text) EXECUTE FUNCTION org_unit_move_subtree();
--> statement-breakpoint
ALTER TABLE org_unit ALTER COLUMN path SET NOT NULL;
--> statement-breakpoint
-- Serves: "this unit and its sub-units" (path <@ $unit_path) for scoping, the tree, roll-ups.
CREATE INDEX org_unit_path_idx ON org_unit USING gist (path);
--> statement-breakpoint
-- Serves: the organisation list filtered by kind and open/closed state.
CREATE INDEX org_unit_kind_valid_idx ON org_unit (kind, valid_to);
--> statement-breakpoint
-- A change in the administrative map: units merged into one, one split into several, or renamed.
-- source_key names events the program loader owns (e.g. "nq202:48"), so loading again finds them.
CREATE TABLE org_unit_event (
  id integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL CHECK (kind IN ('merge','split','rename')),
  effective_date date NOT NULL,
  legal_basis text,
  note text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  source_key text CONSTRAINT org_unit_event_source_key UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- The units an event closed ("from") and the units that carry their history on ("to"). A rename has
-- the same unit on both sides.
CREATE TABLE org_unit_event_unit (
  event_id integer NOT NULL REFERENCES org_unit_event(id),
  org_unit_id integer NOT NULL REFERENCES org_unit(id),
  role text NOT NULL CHECK (role IN ('from','to')),
  CONSTRAINT org_unit_event_unit_pkey PRIMARY KEY (event_id, role, org_unit_id)
);
--> statement-breakpoint
-- Serves: a unit's predecessors and successors (walking the lineage from one unit).
CREATE INDEX org_unit_event_unit_unit_idx ON org_unit_event_unit (org_unit_id, role);
--> statement-breakpoint
-- A unit and every unit whose history it carries, at any distance: what a closed unit reported is
-- found under the unit that replaced it. depth 0 is the unit itself.
CREATE OR REPLACE FUNCTION org_unit_lineage(root integer) RETURNS TABLE (org_unit_id integer, depth integer)
  LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up(id, depth) AS (
    SELECT root, 0
    UNION
    SELECT f.org_unit_id, up.depth + 1
      FROM up
      JOIN org_unit_event_unit t ON t.org_unit_id = up.id AND t.role = 'to'
      JOIN org_unit_event_unit f ON f.event_id = t.event_id AND f.role = 'from'
     WHERE f.org_unit_id <> up.id AND up.depth < 100
  )
  SELECT id, min(depth)::int FROM up GROUP BY id
$$;
--> statement-breakpoint
-- Lineage may appear on public pages (an agency's former units): its changes move the public-data epoch.
CREATE TRIGGER org_unit_event_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_event
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER org_unit_event_unit_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_event_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
