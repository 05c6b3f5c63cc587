-- A counter that moves whenever data shown on public pages changes, so the server can cache public
-- answers and still never serve a stale one: a cached answer is reused only while the counter is the same.
CREATE TABLE public_data_epoch (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  epoch bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO public_data_epoch (id, epoch) VALUES (true, 1);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_public_data_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE public_data_epoch SET epoch = epoch + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_unit_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER org_unit_alias_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_alias
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER program_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER task_group_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON task_group
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER program_item_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_item
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER program_load_run_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON program_load_run
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER task_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON task
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER task_agency_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON task_agency
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER indicator_group_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator_group
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER target_public_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON target
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
