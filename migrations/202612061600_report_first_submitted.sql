-- A report's first submission, kept when a returned report is submitted again (issue 5: "reporting itself
-- is measured: submitted on time"; issue 6: every figure the same for the same date). Resubmission
-- overwrites submitted_at, so "on time" and "submitted by date X" read first_submitted_at instead. A
-- trigger keeps it, so no writer (service, import, demo) can forget or move it.
ALTER TABLE report ADD COLUMN first_submitted_at timestamptz;
--> statement-breakpoint
UPDATE report SET first_submitted_at = submitted_at WHERE submitted_at IS NOT NULL;
--> statement-breakpoint
CREATE FUNCTION report_keep_first_submission() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.first_submitted_at := coalesce(OLD.first_submitted_at, NEW.submitted_at);
  ELSE
    NEW.first_submitted_at := coalesce(NEW.first_submitted_at, NEW.submitted_at);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_keep_first_submission BEFORE INSERT OR UPDATE ON report
  FOR EACH ROW EXECUTE FUNCTION report_keep_first_submission();
