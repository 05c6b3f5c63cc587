-- Public pages read only accepted reports (the statuses of GET /api/public/task-status), yet every draft
-- save and submission moved the public-data epoch, and its one row, locked from that statement to the
-- commit, made every report-writing transaction wait for the one before it (decision 076). From now on
-- report and report_item move the epoch only when a statement touches an accepted report or one of its
-- items: acceptance, supersession, correction and deletion still do, drafts and submissions no longer.
DROP TRIGGER IF EXISTS report_public_epoch ON report;
--> statement-breakpoint
DROP TRIGGER IF EXISTS report_item_public_epoch ON report_item;
--> statement-breakpoint
CREATE FUNCTION bump_public_epoch_accepted_report() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested by operation: a transition table exists only for the operations that have it.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM new_rows WHERE status = 'accepted') THEN
      UPDATE public_data_epoch SET epoch = epoch + 1;
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM old_rows WHERE status = 'accepted') THEN
      UPDATE public_data_epoch SET epoch = epoch + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION bump_public_epoch_accepted_item() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN report r ON r.id = n.report_id WHERE r.status = 'accepted') THEN
      UPDATE public_data_epoch SET epoch = epoch + 1;
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM old_rows o JOIN report r ON r.id = o.report_id WHERE r.status = 'accepted') THEN
      UPDATE public_data_epoch SET epoch = epoch + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_public_epoch_insert AFTER INSERT ON report REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_epoch_accepted_report();
--> statement-breakpoint
CREATE TRIGGER report_public_epoch_update AFTER UPDATE ON report
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_epoch_accepted_report();
--> statement-breakpoint
CREATE TRIGGER report_public_epoch_delete AFTER DELETE ON report REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_epoch_accepted_report();
--> statement-breakpoint
CREATE TRIGGER report_public_epoch_truncate AFTER TRUNCATE ON report
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
--> statement-breakpoint
CREATE TRIGGER report_item_public_epoch_insert AFTER INSERT ON report_item REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_epoch_accepted_item();
--> statement-breakpoint
CREATE TRIGGER report_item_public_epoch_update AFTER UPDATE ON report_item
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_epoch_accepted_item();
--> statement-breakpoint
CREATE TRIGGER report_item_public_epoch_delete AFTER DELETE ON report_item REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_epoch_accepted_item();
--> statement-breakpoint
CREATE TRIGGER report_item_public_epoch_truncate AFTER TRUNCATE ON report_item
  FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_epoch();
